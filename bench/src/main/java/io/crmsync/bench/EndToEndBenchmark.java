package io.crmsync.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * End to end: at each sustained rate, in rising order, signed orders go to webhook-ingress and
 * each is timed to the creation of its deal in the CRM sandbox; the steps stop at the first rate
 * that is not sustained ({@link RateSteps}).
 */
public final class EndToEndBenchmark {

    /** How long after the last send an order may still arrive: far past the 2 s bar, short enough for this machine. */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private final BenchArgs args;
    private final OrderSyncRun orders;
    private final CrmSandboxClient crm;
    private final String account;

    public EndToEndBenchmark(BenchArgs args, OrderSyncRun orders, CrmSandboxClient crm, String account) {
        this.args = args;
        this.orders = orders;
        this.crm = crm;
        this.account = account;
    }

    public BenchReport run() throws InterruptedException {
        crm.awaitQuiet(account, Duration.ofSeconds(5), Duration.ofMinutes(5));
        List<SyncResult> steps = new ArrayList<>();
        for (int rate : args.e2eRates()) {
            Progress.say("e2e at %d orders/s for %d s", rate, args.e2eSeconds());
            SyncResult step = orders.run(rate, args.e2eSeconds(), PATIENCE);
            steps.add(step);
            if (!RateSteps.sustained(step)) {
                // What is left of this step's backlog must not land in the next benchmark's figures.
                crm.awaitQuiet(account, Duration.ofSeconds(5), Duration.ofMinutes(5));
                break;
            }
        }
        return new BenchReport("End to end: webhook to CRM write",
                "bench/run e2e --e2e-rates " + join(args.e2eRates()) + " --e2e-seconds " + args.e2eSeconds(),
                table(steps), """
                        Each rate is offered for `--e2e-seconds` (open loop, no warm-up): signed Shopify `orders/create`
                        webhooks of 2048 B with unique order ids, straight to webhook-ingress. An order's latency is the
                        CRM sandbox's `createdAt` of the deal whose `crmsync_order_ref` is `{store}:{orderId}` minus the
                        time its webhook was sent (both on this machine's clock, to the millisecond), so it spans
                        ingress, Kafka, the normalizer, the dedup-service (outbox), the crm-writer's batching and rate
                        gate, and the CRM call. A rate is *sustained* when every webhook was accepted, every order
                        reached the CRM within 60 s of the last send and p99 < 2 s; the steps stop at the first rate
                        that is not. `synced/s` runs from the first send to the last deal written. Cross-check: the
                        crm-writer's `crmsync_sync_latency_seconds` starts at the order's `updated_at`, which the
                        generated orders fix in the past, so it does not measure this.""");
    }

    static String table(List<SyncResult> steps) {
        List<List<String>> rows = new ArrayList<>();
        for (SyncResult step : steps) {
            rows.add(List.of(Integer.toString(step.rate()), Long.toString(step.sent()), Long.toString(step.accepted()),
                    Long.toString(step.synced()), Long.toString(step.missing()),
                    ResultTable.decimal(step.syncedPerSecond(), 1), ResultTable.millis(step.latency().p50()),
                    ResultTable.millis(step.latency().p99()), ResultTable.millis(step.latency().max()),
                    RateSteps.sustained(step) ? "yes" : "no"));
        }
        OptionalInt highest = RateSteps.highestSustained(steps);
        return ResultTable.columns(List.of("offered/s", "sent", "accepted", "synced", "missing", "synced/s",
                        "p50 ms", "p99 ms", "max ms", "sustained"), rows)
                + "highest sustained rate with p99 < 2 s: "
                + (highest.isPresent() ? highest.getAsInt() + " orders/s (of the rates tried)" : "none of the rates tried") + "\n";
    }

    private static String join(List<Integer> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }
}
