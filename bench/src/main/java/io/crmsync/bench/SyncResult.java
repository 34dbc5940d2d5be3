package io.crmsync.bench;

import java.time.Duration;
import java.time.Instant;

/**
 * One run of orders sent at a fixed rate through the whole pipeline to the CRM sandbox.
 *
 * @param rate      offered orders a second
 * @param sent      webhooks sent
 * @param accepted  of which webhook-ingress answered {@code 202}
 * @param synced    of which a deal reached the CRM sandbox before the run gave up waiting
 * @param latency   webhook sent → deal created in the sandbox, of the synced orders
 * @param firstSent when the first webhook went out
 * @param lastWrite when the last of their deals was created (null when none)
 */
public record SyncResult(int rate, long sent, long accepted, long synced, LatencySummary latency,
                         Instant firstSent, Instant lastWrite) {

    /** Accepted orders that never reached the CRM within the run's patience. */
    public long missing() {
        return accepted - synced;
    }

    /** Synced orders a second, from the first send to the last CRM write. */
    public double syncedPerSecond() {
        if (lastWrite == null || synced == 0) {
            return 0;
        }
        return synced / Math.max(0.001, Duration.between(firstSent, lastWrite).toMillis() / 1000d);
    }
}
