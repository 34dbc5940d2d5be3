package io.crmsync.bench.fault;

import io.crmsync.bench.MachineInfo;

import java.util.Locale;
import java.util.stream.Collectors;

/** The printed tables of a fault suite run: scenarios, security checks, the log scan. */
public final class FaultReport {

    private static final String HEADER = String.format(Locale.ROOT, "%-36s | %5s | %5s | %6s | %-22s | %10s | %7s | %7s | %10s | %s",
            "scenario", "sent", "2xx", "in CRM", "DLQ (class)", "duplicates", "missing", "doubled", "recovery s", "verdict");

    private FaultReport() {
    }

    public static String render(FaultSuiteResult result, MachineInfo machine) {
        StringBuilder out = new StringBuilder();
        FaultSuite.Options options = result.options();
        out.append(machine).append('\n');
        out.append(String.format(Locale.ROOT, "fault suite (%s): %.0f orders/s for %d s per scenario, reconciler poll %d s%n",
                options.shortForm() ? "short" : "full", options.rate(), options.loadTime().toSeconds(),
                options.pollInterval().toSeconds()));
        out.append(HEADER).append('\n').append("-".repeat(HEADER.length())).append('\n');
        for (ScenarioResult s : result.scenarios()) {
            out.append(row(s)).append('\n');
        }
        out.append('\n');
        long passed = result.security().stream().filter(SecurityCheck::passed).count();
        out.append(String.format(Locale.ROOT, "security: %d of %d checks passed%n", passed, result.security().size()));
        result.security().stream().filter(c -> c.check().contains("secret")).forEach(c ->
                out.append(String.format(Locale.ROOT, "  %-70s expected %s, got %s%n", c.check(), c.expected(), c.actual())));
        out.append(String.format(Locale.ROOT, "  admin endpoints: %d checks (401 without a token, 403 with a role not allowed)%n",
                result.security().stream().filter(c -> !c.check().contains("secret")).count()));
        result.failedSecurityChecks().forEach(f -> out.append("  FAILED ").append(f).append('\n'));
        out.append(String.format(Locale.ROOT, "log scan: %d files, %d lines written during the run; secrets, e-mails and phones found: %d%n",
                result.logFiles(), result.logLines(), result.leaks().size()));
        result.logLeaks().forEach(l -> out.append("  FOUND ").append(l).append('\n'));
        out.append(result.passed() ? "fault suite: PASS" : "fault suite: FAIL").append('\n');
        return out.toString();
    }

    static String row(ScenarioResult s) {
        Tally t = s.tally();
        if (t == null) {
            return String.format(Locale.ROOT, "%-36s | %s", s.name(), s.verdict());
        }
        String dlq = t.dlqByClass().isEmpty() ? "0" : t.dlqByClass().entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
        String duplicates = s.duplicatesCounted() < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", s.duplicatesCounted());
        if (s.expectsDuplicates()) {
            duplicates = duplicates + "/" + s.duplicatesSent();
        }
        String recovery = s.recoverySeconds() < 0 ? "-" : String.format(Locale.ROOT, "%.1f", s.recoverySeconds());
        return String.format(Locale.ROOT, "%-36s | %5d | %5d | %6d | %-22s | %10s | %7d | %7d | %10s | %s",
                s.name(), t.sent(), t.answered2xx(), t.inCrm(), dlq, duplicates, t.missing(), t.doubled(), recovery, s.verdict());
    }
}
