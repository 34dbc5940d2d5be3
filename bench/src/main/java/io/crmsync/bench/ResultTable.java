package io.crmsync.bench;

import java.util.List;
import java.util.Locale;

/** Formats the figures of a run as the plain-text tables the README and BENCHMARKS.md show. */
public final class ResultTable {

    private ResultTable() {
    }

    /** A table of right-aligned columns separated by {@code |}, under a header and a rule. */
    public static String columns(List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        String head = line(header, widths);
        out.append(head).append('\n').append("-".repeat(head.length())).append('\n');
        rows.forEach(row -> out.append(line(row, widths)).append('\n'));
        return out.toString();
    }

    /** Milliseconds with one decimal, {@code -} when there is no value. */
    public static String millis(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }

    public static String decimal(double value, int digits) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "-" : String.format(Locale.ROOT, "%,." + digits + "f", value);
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            if (c > 0) {
                line.append(" | ");
            }
            line.append(" ".repeat(widths[c] - cells.get(c).length())).append(cells.get(c));
        }
        return line.toString();
    }

    /**
     * @param ingress one result per offered rate (HTTP statuses)
     * @param raw     the raw Kafka result at the same rates, same order
     */
    public static String format(MachineInfo machine, int size, int seconds, double rawMaxPerSecond,
                                List<OpenLoopResult> ingress, List<OpenLoopResult> raw) {
        StringBuilder out = new StringBuilder();
        out.append(machine).append('\n');
        out.append("message size ").append(size).append(" B, ").append(seconds).append(" s measured per rate\n");
        out.append(String.format(Locale.ROOT, "raw Kafka producer (acks=all, idempotent): max %,.0f msg/s%n", rawMaxPerSecond));
        out.append("the local stack runs every service and the broker on these same cores, beside this load generator\n");
        String header = String.format(Locale.ROOT, "%9s | %18s | %8s | %8s | %8s | %6s | %6s | %6s | %6s || %15s | %8s | %8s",
                "offered/s", "ingress accepted/s", "p50 ms", "p99 ms", "max ms", "429", "503", "other", "errors",
                "raw Kafka p50 ms", "p99 ms", "errors");
        out.append(header).append('\n');
        out.append("-".repeat(header.length())).append('\n');
        for (int row = 0; row < ingress.size(); row++) {
            OpenLoopResult http = ingress.get(row);
            OpenLoopResult kafka = raw.get(row);
            LatencySummary h = http.acceptedLatency();
            LatencySummary k = kafka.acceptedLatency();
            out.append(String.format(Locale.ROOT, "%9d | %18.1f | %8.1f | %8.1f | %8.1f | %6d | %6d | %6d | %6d || %15.1f | %8.1f | %8d%n",
                    http.offeredPerSecond(), http.acceptedPerSecond(), h.p50(), h.p99(), h.max(),
                    http.count(429), http.count(503), http.countOther(202, 429, 503), http.errors(),
                    k.p50(), k.p99(), kafka.errors() + kafka.countOther(0)));
        }
        return out.toString();
    }
}
