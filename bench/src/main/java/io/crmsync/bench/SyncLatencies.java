package io.crmsync.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Matches the orders sent with the deals the CRM sandbox created, by {@code crmsync_order_ref}:
 * latency = the sandbox's {@code createdAt} of the deal − the time its webhook was sent. Both clocks
 * are this machine's, both read to the millisecond.
 */
public final class SyncLatencies {

    private SyncLatencies() {
    }

    /**
     * @param synced    orders whose deal was found
     * @param latency   webhook send → deal created, of the synced orders
     * @param lastWrite the latest of their deals' creation times (null when none synced)
     */
    public record Matched(long synced, LatencySummary latency, Instant lastWrite) {
    }

    /**
     * @param sentByRef order reference ({@code storeId:orderId}) → when its webhook was sent
     * @param deals     every deal of the account; those of other orders are ignored
     */
    public static Matched match(Map<String, Instant> sentByRef, Collection<CrmSandboxClient.SandboxDeal> deals) {
        LatencyRecorder latencies = new LatencyRecorder();
        long synced = 0;
        Instant lastWrite = null;
        for (CrmSandboxClient.SandboxDeal deal : deals) {
            Instant sent = sentByRef.get(deal.orderRef());
            if (sent == null) {
                continue;
            }
            synced++;
            latencies.recordNanos(Duration.between(sent, deal.createdAt()).toNanos());
            if (lastWrite == null || deal.createdAt().isAfter(lastWrite)) {
                lastWrite = deal.createdAt();
            }
        }
        return new Matched(synced, latencies.summary(), lastWrite);
    }
}
