package io.crmsync.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * CRM efficiency: CRM API calls per synced order at a steady rate (from the sandbox's request
 * counts), then how fast a backlog drains under a {@code rate-limit} fault, as a fraction of it.
 */
public final class CrmEfficiencyBenchmark {

    static final int STEADY_SECONDS = 30;
    /** The backlog is queued at this rate: fast, and under webhook-ingress's default quota of 200/s. */
    static final int BACKLOG_RATE = 100;

    private final BenchArgs args;
    private final OrderSyncRun orders;
    private final CrmSandboxClient crm;
    private final String account;

    public CrmEfficiencyBenchmark(BenchArgs args, OrderSyncRun orders, CrmSandboxClient crm, String account) {
        this.args = args;
        this.orders = orders;
        this.crm = crm;
        this.account = account;
    }

    public BenchReport run() throws InterruptedException {
        Duration quiet = Duration.ofSeconds(5);
        crm.awaitQuiet(account, quiet, Duration.ofMinutes(5));
        Progress.say("crm steady state: %d orders/s for %d s", args.loadRate(), STEADY_SECONDS);
        CrmSandboxClient.AccountStats before = crm.stats(account);
        SyncResult steady = orders.run(args.loadRate(), STEADY_SECONDS, EndToEndBenchmark.PATIENCE);
        crm.awaitQuiet(account, quiet, Duration.ofMinutes(5));
        CrmSandboxClient.AccountStats steadyCalls = crm.stats(account).minus(before);

        int backlogSeconds = Math.max(1, (args.backlog() + BACKLOG_RATE - 1) / BACKLOG_RATE);
        Progress.say("crm backlog: %d orders under %d requests / %d s", BACKLOG_RATE * backlogSeconds,
                args.limitRequests(), args.limitSeconds());
        crm.rateLimit(account, args.limitRequests(), args.limitSeconds());
        SyncResult backlog;
        CrmSandboxClient.AccountStats backlogCalls;
        Instant lastRequest;
        try {
            before = crm.stats(account);
            backlog = orders.run(BACKLOG_RATE, backlogSeconds, Duration.ofMinutes(10));
            lastRequest = crm.awaitQuiet(account, Duration.ofSeconds(Math.max(5, 2L * args.limitSeconds())),
                    Duration.ofMinutes(5));
            backlogCalls = crm.stats(account).minus(before);
        } finally {
            crm.clearFault(account);
        }
        return new BenchReport("CRM efficiency",
                "bench/run crm --load-rate " + args.loadRate() + " --backlog " + args.backlog()
                        + " --limit " + args.limitRequests() + "/" + args.limitSeconds(),
                steadyTable(steady, steadyCalls) + "\n" + backlogTable(backlog, backlogCalls, lastRequest, args.limitRequests(), args.limitSeconds()), """
                        **Steady state**: `--load-rate` orders/s for 30 s (as in the end-to-end part), then the
                        account's request counts in the sandbox's `/_sandbox/stats` are compared before and after, once
                        no request has come for 5 s (so the associations that follow the deals are counted). Calls per
                        order = requests / orders synced, per endpoint as the sandbox counts them.
                        **Backlog drain**: a sandbox `rate-limit` fault of `--limit` requests per rolling window
                        on the account, then `--backlog` orders offered at 100/s (accepted by ingress in seconds, so they
                        queue in the pipeline and mostly in the crm-writer), then measured until every deal is in the
                        CRM and no request came for two windows. Orders drained/s = orders / (first send → last deal
                        written); requests/s = requests the sandbox admitted (all but 429s) / (first send → last
                        request); its fraction of the limit shows how much of the budget the crm-writer uses; orders/s
                        and requests/s differ because each request carries a batch of up to 100 records. The fault is
                        cleared afterwards.""");
    }

    static String steadyTable(SyncResult steady, CrmSandboxClient.AccountStats calls) {
        double orders = Math.max(1, steady.synced());
        List<List<String>> rows = new ArrayList<>();
        calls.byEndpoint().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .forEach(e -> rows.add(List.of(e.getKey(), Long.toString(e.getValue()),
                        ResultTable.decimal(e.getValue() / orders, 3))));
        rows.add(List.of("all CRM API requests", Long.toString(calls.total()), ResultTable.decimal(calls.total() / orders, 3)));
        return String.format("steady state: %d orders/s for %d s, %d of %d orders synced, %d of the requests answered 429%n",
                steady.rate(), STEADY_SECONDS, steady.synced(), steady.sent(), calls.status(429))
                + ResultTable.columns(List.of("endpoint", "requests", "per synced order"), rows);
    }

    static String backlogTable(SyncResult backlog, CrmSandboxClient.AccountStats calls, Instant lastRequest,
                               int limitRequests, int limitSeconds) {
        double limit = limitRequests / (double) limitSeconds;
        long admitted = calls.total() - calls.status(429);
        double requestSeconds = Math.max(0.001, Duration.between(backlog.firstSent(), lastRequest).toMillis() / 1000d);
        double admittedPerSecond = admitted / requestSeconds;
        double drainSeconds = backlog.lastWrite() == null ? Double.NaN
                : Duration.between(backlog.firstSent(), backlog.lastWrite()).toMillis() / 1000d;
        List<String> row = List.of(Long.toString(backlog.accepted()), Long.toString(backlog.synced()),
                limitRequests + " / " + limitSeconds + " s", ResultTable.decimal(drainSeconds, 1),
                ResultTable.decimal(backlog.syncedPerSecond(), 1), Long.toString(admitted), Long.toString(calls.status(429)),
                ResultTable.decimal(admittedPerSecond, 2), ResultTable.decimal(100 * admittedPerSecond / limit, 0) + " %");
        return "backlog drain under a rate-limit fault:\n" + ResultTable.columns(List.of("backlog", "synced", "limit",
                "drain s", "orders/s", "requests", "429", "requests/s", "of limit"), List.of(row));
    }
}
