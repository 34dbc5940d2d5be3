package io.crmsync.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CRM sandbox's inspection and fault API (never counted in its stats, never rate limited):
 * the HubSpot deals of an account with the time the sandbox created each, the account's request
 * counts, and the {@code rate-limit} fault.
 */
public final class CrmSandboxClient {

    private final StackHttp http;
    private final String baseUrl;

    public CrmSandboxClient(StackHttp http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    /** One HubSpot deal: its order reference, sync mode and when the sandbox created it. */
    public record SandboxDeal(String orderRef, String syncMode, Instant createdAt) {
    }

    /** The account's CRM API requests so far (the sandbox's {@code /_sandbox/stats}). */
    public record AccountStats(long total, Map<String, Long> byStatus, Map<String, Long> byEndpoint, long deals) {

        public long status(int status) {
            return byStatus.getOrDefault(Integer.toString(status), 0L);
        }

        /** What happened between {@code before} and this. */
        public AccountStats minus(AccountStats before) {
            return new AccountStats(total - before.total, difference(byStatus, before.byStatus),
                    difference(byEndpoint, before.byEndpoint), deals - before.deals);
        }

        private static Map<String, Long> difference(Map<String, Long> after, Map<String, Long> before) {
            Map<String, Long> delta = new TreeMap<>();
            after.forEach((key, count) -> {
                long d = count - before.getOrDefault(key, 0L);
                if (d != 0) {
                    delta.put(key, d);
                }
            });
            return delta;
        }
    }

    public List<SandboxDeal> deals(String account) {
        List<SandboxDeal> deals = new ArrayList<>();
        for (JsonNode deal : http.getJson(baseUrl + "/_sandbox/hubspot/" + account + "/objects/deals", null)) {
            JsonNode properties = deal.path("properties");
            deals.add(new SandboxDeal(properties.path("crmsync_order_ref").asText(null),
                    properties.path("crmsync_sync_mode").asText(null), Instant.parse(deal.path("createdAt").asText())));
        }
        return deals;
    }

    public AccountStats stats(String account) {
        JsonNode node = http.getJson(baseUrl + "/_sandbox/stats", null).path("accounts").path(account);
        JsonNode requests = node.path("requests");
        return new AccountStats(requests.path("total").asLong(0), counts(requests.path("byStatus")),
                counts(requests.path("byEndpoint")), node.path("records").path("deals").asLong(0));
    }

    /** Waits until the account holds at least {@code deals} deals; false when {@code timeout} passed first. */
    public boolean awaitDeals(String account, long deals, Duration timeout) throws InterruptedException {
        Instant until = Instant.now().plus(timeout);
        while (stats(account).deals() < deals) {
            if (Instant.now().isAfter(until)) {
                return false;
            }
            // The stats are cheap to read; the deal list is fetched once, at the end.
            Thread.sleep(500);
        }
        return true;
    }

    /**
     * Waits until the account's request count has not moved for {@code quiet}: the pipeline has
     * finished what it was doing (associations follow the deals they link), so the next
     * measurement does not pay for the previous one's tail. Gives up after {@code timeout}.
     *
     * @return when the count was last seen moving (to the second): about the account's last request
     */
    public Instant awaitQuiet(String account, Duration quiet, Duration timeout) throws InterruptedException {
        Instant until = Instant.now().plus(timeout);
        long last = stats(account).total();
        Instant lastMoved = Instant.now();
        while (Instant.now().isBefore(until)) {
            Thread.sleep(1000);
            long now = stats(account).total();
            if (now != last) {
                last = now;
                lastMoved = Instant.now();
            } else if (Duration.between(lastMoved, Instant.now()).compareTo(quiet) >= 0) {
                return lastMoved;
            }
        }
        System.err.println("the CRM account " + account + " was still busy after " + timeout.toSeconds() + " s; going on");
        return lastMoved;
    }

    public void rateLimit(String account, int requests, int perSeconds) {
        http.postJson(baseUrl + "/_sandbox/faults",
                Map.of("account", account, "mode", "rate-limit", "requests", requests, "perSeconds", perSeconds), null);
    }

    public void clearFault(String account) {
        http.postJson(baseUrl + "/_sandbox/faults", Map.of("account", account, "mode", "none"), null);
    }

    private static Map<String, Long> counts(JsonNode object) {
        Map<String, Long> counts = new TreeMap<>();
        object.fields().forEachRemaining(entry -> counts.put(entry.getKey(), entry.getValue().asLong()));
        return counts;
    }
}
