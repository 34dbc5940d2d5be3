package io.crmsync.bench.fault;

import io.crmsync.bench.StackHttp;
import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.testkit.stack.LocalStack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs one scenario: load starts, the fault goes in a few seconds later and holds, is ended, the
 * load runs out; then the CRM is read every second until every order sent is accounted for (in
 * the CRM once, or on a DLQ with its class), and a few seconds more so a late double shows.
 */
final class ScenarioRunner {

    static final String TENANT = "acme";
    static final String STORE = "acme-shopify";
    private static final Duration LEAD_IN = Duration.ofSeconds(3);
    private static final Duration SETTLE = Duration.ofSeconds(5);

    private final StackHttp http;
    private final FaultOrders orders;
    private final DeadLetterTopics deadLetters;
    private final MetricsScrape metrics;
    private final double rate;
    private final Duration loadTime;
    private final PrintStream progress;
    private final String sandbox = LocalStack.url("crm-sandbox");
    private final String simulator = LocalStack.url("storefront-simulator");
    private final String dedup = LocalStack.url("dedup-service");

    ScenarioRunner(StackHttp http, FaultOrders orders, DeadLetterTopics deadLetters, double rate, Duration loadTime,
                   PrintStream progress) {
        this.http = http;
        this.metrics = new MetricsScrape(http);
        this.orders = orders;
        this.deadLetters = deadLetters;
        this.rate = rate;
        this.loadTime = loadTime;
        this.progress = progress;
    }

    ScenarioResult run(int index, Scenario scenario) {
        progress.printf("%n== %s: %.0f orders/s for %d s, fault after %d s for %d s%n", scenario.name(), rate,
                loadTime.toSeconds(), LEAD_IN.toSeconds(), scenario.hold().toSeconds());
        double duplicatesBefore = metrics.value(dedup, "crmsync_duplicates_suppressed_total", Map.of("tenant", TENANT));
        http.delete(simulator + "/_sim/deliveries");
        List<SentOrder> sent;
        long faultEnded;
        try (LoadSender load = new LoadSender(http, simulator, STORE, orders, index, scenario.updates())) {
            long started = System.nanoTime();
            load.start(rate);
            sleep(LEAD_IN);
            try {
                progress.printf("   fault in (%d orders sent so far)%n", load.sentSoFar());
                scenario.disruption().inject();
                sleep(scenario.hold());
            } finally {
                progress.println("   ending the fault");
                faultEnded = System.nanoTime();
                scenario.disruption().recover();
                progress.printf("   fault over after %.1f s%n", seconds(System.nanoTime() - faultEnded));
            }
            sleep(Duration.ofNanos(loadTime.toNanos() - (System.nanoTime() - started)));
            sent = load.stop();
        } catch (RuntimeException e) {
            return new ScenarioResult(scenario.name(), null, 0, 0, -1, scenario.expectsDuplicates(), e.getMessage());
        }
        progress.printf("   %d orders sent; waiting for the accounting to balance (at most %d s)%n", sent.size(),
                scenario.recoveryBudget().toSeconds());
        double recovery = awaitBalance(sent, scenario.recoveryBudget(), faultEnded);
        int duplicatesSent = duplicatesSent(sent);
        if (scenario.expectsDuplicates()) {
            awaitDuplicatesCounted(duplicatesBefore, duplicatesSent);
        }
        sleep(SETTLE);
        Tally tally = Tally.of(sent, STORE, CrmSnapshot.read(http, sandbox, TENANT), deadLetters.errorClassByKey());
        double duplicatesAfter = metrics.value(dedup, "crmsync_duplicates_suppressed_total", Map.of("tenant", TENANT));
        double counted = duplicatesBefore < 0 || duplicatesAfter < duplicatesBefore ? -1 : duplicatesAfter - duplicatesBefore;
        ScenarioResult result = new ScenarioResult(scenario.name(), tally, duplicatesSent, counted, recovery,
                scenario.expectsDuplicates(), null);
        progress.printf("   %s%n", result.verdict());
        return result;
    }

    /** Seconds from the fault's end until every order is accounted for; -1 if the budget ran out first. */
    private double awaitBalance(List<SentOrder> sent, Duration budget, long faultEnded) {
        long deadline = System.nanoTime() + budget.toNanos();
        Map<String, String> noDeadLetters = Map.of();
        while (System.nanoTime() < deadline) {
            Tally tally = Tally.of(sent, STORE, CrmSnapshot.read(http, sandbox, TENANT), noDeadLetters);
            if (tally.missing() == 0 && tally.stale() == 0) {
                return seconds(System.nanoTime() - faultEnded);
            }
            if (tally.missing() > 0 && Tally.of(sent, STORE, CrmSnapshot.read(http, sandbox, TENANT),
                    deadLetters.errorClassByKey()).missing() == 0) {
                return seconds(System.nanoTime() - faultEnded);
            }
            sleep(Duration.ofSeconds(1));
        }
        return -1;
    }

    /** The second deliveries trail the first through the pipeline: the counter catches up a little later. */
    private void awaitDuplicatesCounted(double before, int expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            double now = metrics.value(dedup, "crmsync_duplicates_suppressed_total", Map.of("tenant", TENANT));
            if (now - before >= expected) {
                return;
            }
            sleep(Duration.ofSeconds(1));
        }
    }

    /** Deliveries of the scenario's events beyond the first that ingress answered 2xx (the simulator's log). */
    private int duplicatesSent(List<SentOrder> sent) {
        Set<String> ours = sent.stream().map(SentOrder::eventId).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        StackHttp.Reply log = http.get(simulator + "/_sim/deliveries?storeId=" + STORE, null);
        if (log.status() != 200) {
            return 0;
        }
        Map<String, Integer> accepted = new HashMap<>();
        for (JsonNode delivery : log.json()) {
            int status = delivery.path("status").asInt();
            if (status >= 200 && status < 300 && ours.contains(delivery.path("eventId").asText())) {
                accepted.merge(delivery.path("eventId").asText(), 1, Integer::sum);
            }
        }
        return accepted.values().stream().mapToInt(n -> n - 1).sum();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void sleep(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
