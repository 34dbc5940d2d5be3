package io.crmsync.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Backfill: pre-go-live orders stored in the simulator without webhooks, imported by a reconciler
 * backfill job under the CRM's default limit; orders a second until the last of their deals is written.
 */
public final class BackfillBenchmark {

    /** Before the local tenants' go-live (2026-01-01): these orders are history. */
    static final String CREATED_BEFORE = "2025-12-01T00:00:00Z";
    /** Older than anything the generator makes for up to 10,000 orders. */
    static final String SINCE = "2020-01-01";

    private final BenchArgs args;
    private final StorefrontSimulatorClient simulator;
    private final ReconcilerClient reconciler;
    private final CrmSandboxClient crm;
    private final String tenant;
    private final String account;

    public BackfillBenchmark(BenchArgs args, StorefrontSimulatorClient simulator, ReconcilerClient reconciler,
                             CrmSandboxClient crm, String tenant, String account) {
        this.args = args;
        this.simulator = simulator;
        this.reconciler = reconciler;
        this.crm = crm;
        this.tenant = tenant;
        this.account = account;
    }

    public BenchReport run() throws InterruptedException {
        crm.awaitQuiet(account, Duration.ofSeconds(5), Duration.ofMinutes(5));
        String store = args.storeId();
        Progress.say("backfill: seeding %d pre-go-live orders in %s without webhooks", args.backfillOrders(), store);
        List<String> ids = simulator.generateSilently(store, args.backfillOrders(), System.currentTimeMillis(), CREATED_BEFORE);
        CrmSandboxClient.AccountStats before = crm.stats(account);
        double polledBefore = reconciler.polled(store);

        Instant start = Instant.now();
        String job = reconciler.backfillOrders(tenant, store, SINCE);
        Progress.say("backfill %s started, waiting for %d deals", job, ids.size());
        crm.awaitDeals(account, before.deals() + ids.size(), Duration.ofMinutes(15));
        JsonNode status = awaitJobEnd(job);
        Map<String, Instant> startByRef = new HashMap<>();
        ids.forEach(id -> startByRef.put(store + ":" + id, start));
        List<CrmSandboxClient.SandboxDeal> deals = crm.deals(account);
        SyncLatencies.Matched matched = SyncLatencies.match(startByRef, deals);
        long marked = deals.stream().filter(d -> startByRef.containsKey(d.orderRef()) && "backfill".equals(d.syncMode())).count();
        crm.awaitQuiet(account, Duration.ofSeconds(5), Duration.ofMinutes(5));
        CrmSandboxClient.AccountStats calls = crm.stats(account).minus(before);
        double polledMeanwhile = reconciler.polled(store) - polledBefore;

        double seconds = matched.lastWrite() == null ? Double.NaN
                : Duration.between(start, matched.lastWrite()).toMillis() / 1000d;
        List<String> row = List.of(Integer.toString(ids.size()), Long.toString(matched.synced()), Long.toString(marked),
                ResultTable.decimal(seconds, 1), ResultTable.decimal(matched.synced() / seconds, 1),
                Long.toString(calls.total()), ResultTable.decimal(calls.total() / (double) Math.max(1, matched.synced()), 3),
                Long.toString(calls.status(429)), status.path("status").asText() + ", " + status.path("published").asLong(),
                Long.toString(Math.round(polledMeanwhile)));
        String table = ResultTable.columns(List.of("orders", "synced", "with marker", "seconds", "orders/s", "CRM requests",
                "per order", "429", "job, published", "poll published meanwhile"), List.of(row));
        return new BenchReport("Backfill", "bench/run backfill --backfill-orders " + args.backfillOrders(), table, """
                The storefront simulator generates `--backfill-orders` realistic orders (each with its customer)
                created before 2025-12-01 in the store, with `notify=false` (no webhook), so only the reconciler
                can find them; the tenant's `liveSince` is 2026-01-01, so they are history. Then
                `POST /admin/backfills` on the reconciler (operator token from the stack's own key,
                `LocalStack.token`) `{tenant, storeId, since: 2020-01-01, objectTypes: [order]}`, and the clock
                runs from that call until the last of their deals is written in the CRM sandbox (its
                `createdAt`). The CRM limit is the default (190 requests / 10 s per account, the sandbox's and
                the tenant registry's); the reconciler pauses `crmsync.reconciler.backfill.page-pause` (2 s)
                after each page of 250 orders, so that floor is part of the figure. `with marker` counts deals
                carrying `crmsync_sync_mode=backfill`. The simulator stamps each stored order's `updated_at` with
                the time of seeding, so the periodic poll (every 30 s) may find some of these orders too
                (`poll published meanwhile`, from `crmsync_reconcile_polled_total`); whichever arrives first is
                written and the dedup-service drops the other. `bench/run all` is documented with the stack
                started with `CRMSYNC_RECONCILER_POLL_INTERVAL=off`, so that the figure is the backfill's alone
                (the last column then says 0).""");
    }

    private JsonNode awaitJobEnd(String job) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofMinutes(2));
        JsonNode status = reconciler.backfill(job);
        while ("running".equals(status.path("status").asText()) && Instant.now().isBefore(until)) {
            Thread.sleep(1000);
            status = reconciler.backfill(job);
        }
        return status;
    }
}
