package io.crmsync.bench;

import java.util.Map;

/**
 * What one open-loop run at a fixed offered rate measured (warm-up excluded).
 *
 * @param offeredPerSecond  the scheduled rate
 * @param acceptedPerSecond accepted answers divided by the measured window (which lasts until the last answer)
 * @param acceptedLatency   latency of the accepted answers, from each request's scheduled time
 * @param statusCounts      answers by status (HTTP status; {@code 0} is a Kafka ack)
 * @param errors            requests that got no answer (timeouts, refused connections, producer errors)
 */
public record OpenLoopResult(int offeredPerSecond, double acceptedPerSecond, LatencySummary acceptedLatency,
                             Map<Integer, Long> statusCounts, long errors) {

    public OpenLoopResult {
        statusCounts = Map.copyOf(statusCounts);
    }

    public long count(int status) {
        return statusCounts.getOrDefault(status, 0L);
    }

    /** Answers whose status is none of {@code known}. */
    public long countOther(int... known) {
        long other = 0;
        outer:
        for (Map.Entry<Integer, Long> entry : statusCounts.entrySet()) {
            for (int status : known) {
                if (entry.getKey() == status) {
                    continue outer;
                }
            }
            other += entry.getValue();
        }
        return other;
    }
}
