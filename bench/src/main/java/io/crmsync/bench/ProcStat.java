package io.crmsync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * CPU time and memory of a process tree from Linux's {@code /proc}, and a Quarkus service's
 * startup time from its log.
 */
public final class ProcStat {

    /** {@code USER_HZ}: the unit of utime/stime in /proc/[pid]/stat, 100 on every Linux we run on. */
    public static final int TICKS_PER_SECOND = 100;

    private static final Pattern QUARKUS_STARTED = Pattern.compile("started in ([0-9]+(?:\\.[0-9]+)?)s");

    private ProcStat() {
    }

    /**
     * One reading of a process and its descendants.
     *
     * @param cpuTicks user + system time, in {@link #TICKS_PER_SECOND}ths of a second
     * @param rssKb    resident set ({@code VmRSS}), summed over the tree
     * @param peakKb   peak resident set ({@code VmHWM}), summed over the tree
     */
    public record Sample(long cpuTicks, long rssKb, long peakKb) {
    }

    public static Sample sample(ProcessHandle root) {
        long ticks = 0;
        long rss = 0;
        long peak = 0;
        List<ProcessHandle> tree = Stream.concat(Stream.of(root), root.descendants()).toList();
        for (ProcessHandle process : tree) {
            Path dir = Path.of("/proc", Long.toString(process.pid()));
            try {
                ticks += cpuTicks(Files.readString(dir.resolve("stat")));
                List<String> status = Files.readAllLines(dir.resolve("status"));
                rss += kilobytes(status, "VmRSS");
                peak += kilobytes(status, "VmHWM");
            } catch (IOException e) {
                // The process ended between listing and reading: it no longer uses anything.
            }
        }
        return new Sample(ticks, rss, peak);
    }

    /** utime + stime (fields 14 and 15) of a {@code /proc/[pid]/stat} line; the name in parentheses may hold spaces. */
    static long cpuTicks(String statLine) {
        String[] fields = statLine.substring(statLine.lastIndexOf(')') + 2).trim().split(" +");
        // fields[0] is field 3 (state), so field n is fields[n - 3].
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** The value of a {@code Key:   1234 kB} line of {@code /proc/[pid]/status}, 0 when absent (a kernel thread). */
    static long kilobytes(List<String> status, String key) {
        return status.stream().filter(line -> line.startsWith(key + ":"))
                .map(line -> line.substring(key.length() + 1).trim().split(" +")[0])
                .mapToLong(Long::parseLong).findFirst().orElse(0);
    }

    /** The last "started in X s" of a Quarkus log (the log is appended to across restarts). */
    static OptionalDouble quarkusStartSeconds(List<String> log) {
        OptionalDouble last = OptionalDouble.empty();
        for (String line : log) {
            Matcher m = QUARKUS_STARTED.matcher(line);
            if (line.contains("Quarkus") && m.find()) {
                last = OptionalDouble.of(Double.parseDouble(m.group(1)));
            }
        }
        return last;
    }

    static OptionalDouble quarkusStartSeconds(Path log) {
        try {
            return quarkusStartSeconds(Files.readAllLines(log));
        } catch (IOException e) {
            return OptionalDouble.empty();
        }
    }

    static Optional<String> loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" +");
            return Optional.of(fields[0] + " " + fields[1] + " " + fields[2]);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
