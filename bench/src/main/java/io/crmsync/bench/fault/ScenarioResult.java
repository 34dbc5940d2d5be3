package io.crmsync.bench.fault;

/**
 * What one scenario showed.
 *
 * @param duplicatesSent     deliveries of the scenario's events beyond the first that ingress answered 2xx
 * @param duplicatesCounted  growth of the dedup-service's {@code crmsync_duplicates_suppressed_total} for the
 *                           tenant over the scenario; -1 when the dedup-service restarted (its counters began afresh)
 * @param recoverySeconds    from the end of the fault (restart begun, fault lifted) until the accounting balanced;
 *                           -1 when it never did within the budget
 * @param problem            why the scenario could not be run or judged, or null
 */
record ScenarioResult(String name, Tally tally, int duplicatesSent, double duplicatesCounted, double recoverySeconds,
                      boolean expectsDuplicates, String problem) {

    boolean passed() {
        if (problem != null || tally == null || tally.sent() == 0 || !tally.balanced() || recoverySeconds < 0) {
            return false;
        }
        return !expectsDuplicates || duplicatesCounted >= duplicatesSent && duplicatesSent > 0;
    }

    String verdict() {
        if (passed()) {
            return "PASS";
        }
        if (problem != null) {
            return "FAIL: " + problem;
        }
        StringBuilder why = new StringBuilder("FAIL");
        if (tally.missing() > 0) {
            why.append(" missing");
        }
        if (tally.doubled() > 0) {
            why.append(" doubled");
        }
        if (tally.stale() > 0) {
            why.append(" ").append(tally.stale()).append(" stale");
        }
        if (recoverySeconds < 0) {
            why.append(" no recovery");
        }
        if (expectsDuplicates && !(duplicatesCounted >= duplicatesSent && duplicatesSent > 0)) {
            why.append(" duplicates not counted");
        }
        return why.toString();
    }
}
