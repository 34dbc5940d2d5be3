package io.crmsync.bench.fault;

import java.util.List;

/** Everything one run of the fault suite found. */
public record FaultSuiteResult(FaultSuite.Options options, List<ScenarioResult> scenarios, List<SecurityCheck> security,
                               List<LogScan.Finding> leaks, int logFiles, int logLines) {

    public boolean passed() {
        return scenarios.stream().allMatch(ScenarioResult::passed) && security.stream().allMatch(SecurityCheck::passed)
                && leaks.isEmpty();
    }

    /** Scenario name and verdict, for a test to assert every one. */
    public List<String> verdicts() {
        return scenarios.stream().map(s -> s.name() + ": " + s.verdict()).toList();
    }

    public List<String> failedSecurityChecks() {
        return security.stream().filter(c -> !c.passed())
                .map(c -> c.check() + ": expected " + c.expected() + ", got " + c.actual()).toList();
    }

    public List<String> logLeaks() {
        return leaks.stream().map(f -> f.label() + " in " + f.file() + " (" + f.lines() + " lines)").toList();
    }
}
