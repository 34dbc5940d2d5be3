package io.crmsync.bench;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends signed Shopify orders at a fixed rate (open loop) to webhook-ingress, waits until their
 * deals are in the CRM sandbox, and times each order from its send to its deal's creation.
 */
public final class OrderSyncRun {

    private final IngressClient ingress;
    private final ShopifyOrderWebhooks webhooks;
    private final CrmSandboxClient crm;
    private final String account;
    private final OpenLoopRunner runner;

    public OrderSyncRun(IngressClient ingress, ShopifyOrderWebhooks webhooks, CrmSandboxClient crm, String account,
                        OpenLoopRunner runner) {
        this.ingress = ingress;
        this.webhooks = webhooks;
        this.crm = crm;
        this.account = account;
        this.runner = runner;
    }

    /**
     * @param patience how long after the last send to wait for the deals; those still missing count as missing
     */
    public SyncResult run(int rate, int seconds, Duration patience) throws InterruptedException {
        int count = Math.toIntExact((long) rate * seconds);
        // Unique per run, so neither ingress nor dedup sees a repeat of an earlier run's order.
        long firstOrderId = System.currentTimeMillis() * 1000;
        // Signed before the clock starts: the load generator shares the CPUs it measures.
        List<HttpRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(ingress.request(webhooks.storeId(), webhooks.order(firstOrderId + i)));
        }
        Instant[] sentAt = new Instant[count];
        Set<Integer> accepted = ConcurrentHashMap.newKeySet();
        long dealsBefore = crm.stats(account).deals();

        runner.run(rate, 0, seconds, i -> {
            int index = (int) i;
            sentAt[index] = Instant.now();
            return ingress.send(requests.get(index)).thenApply(status -> {
                if (status == 202) {
                    accepted.add(index);
                }
                return status;
            });
        }, 202);

        crm.awaitDeals(account, dealsBefore + accepted.size(), patience);
        Map<String, Instant> sentByRef = new HashMap<>();
        accepted.forEach(i -> sentByRef.put(webhooks.storeId() + ":" + (firstOrderId + i), sentAt[i]));
        SyncLatencies.Matched matched = SyncLatencies.match(sentByRef, crm.deals(account));
        return new SyncResult(rate, count, accepted.size(), matched.synced(), matched.latency(), sentAt[0],
                matched.lastWrite());
    }
}
