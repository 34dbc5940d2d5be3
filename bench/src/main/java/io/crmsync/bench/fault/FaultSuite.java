package io.crmsync.bench.fault;

import io.crmsync.bench.StackHttp;
import io.crmsync.commons.log.Mask;
import io.crmsync.commons.tenant.Store;
import io.crmsync.commons.tenant.Tenant;
import io.crmsync.commons.tenant.TenantRegistry;
import io.crmsync.commons.tenant.TenantRegistryLoader;
import io.crmsync.testkit.stack.LocalStack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fault suite against a running local stack: one scenario at a time under a steady load, each
 * followed by recovery and an accounting check; then the security checks and a scan of every log
 * line the stack wrote during the run. {@code bench/run faults [--short]} and the e2e module's
 * {@code FaultSuiteIT} both run it.
 */
public final class FaultSuite {

    /**
     * @param shortForm    the CI subset
     * @param rate         orders a second of the steady load
     * @param loadTime     how long the load runs in each scenario
     * @param pollInterval the reconciler's poll interval in this stack (dropped webhooks wait for it)
     */
    public record Options(boolean shortForm, double rate, Duration loadTime, Duration pollInterval) {
    }

    private final LocalStack stack;
    private final TenantRegistry registry;
    private final Options options;
    private final PrintStream progress;

    public FaultSuite(LocalStack stack, Path tenantsFile, Options options, PrintStream progress) {
        this.stack = stack;
        this.registry = new TenantRegistryLoader().load(tenantsFile);
        this.options = options;
        this.progress = progress;
    }

    public FaultSuiteResult run() {
        StackHttp http = new StackHttp();
        LogScan logs = new LogScan(stack.logDir());
        logs.mark();
        FaultOrders orders = new FaultOrders(System.currentTimeMillis() / 1000);
        ScenarioRunner runner = new ScenarioRunner(http, orders, new DeadLetterTopics(stack.kafkaBootstrapServers()),
                options.rate(), options.loadTime(), progress);
        List<Scenario> scenarios = scenarios(new Disruptions(stack, http, progress));
        List<ScenarioResult> results = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            results.add(runner.run(i + 1, scenarios.get(i)));
        }
        progress.println();
        progress.println("== security checks");
        String acmeShopifySecret = registry.store(ScenarioRunner.STORE).orElseThrow().store().webhookSecret();
        List<SecurityCheck> security = new SecurityChecks(stack, http).run(acmeShopifySecret);
        List<LogScan.Finding> leaks = logs.scan(needles(orders, results.size()));
        return new FaultSuiteResult(options, results, security, leaks, logs.filesScanned(), logs.linesScanned());
    }

    List<Scenario> scenarios(Disruptions faults) {
        Duration restartBudget = Duration.ofMinutes(4);
        // A dropped or given-up webhook waits for the reconciler's next poll (its overlap re-reads the window).
        Duration pollBudget = options.pollInterval().multipliedBy(3).plusSeconds(90);
        Duration wholeLoad = options.loadTime().minusSeconds(4);
        String acme = ScenarioRunner.TENANT;
        String store = ScenarioRunner.STORE;
        Map<String, Scenario> all = new LinkedHashMap<>();
        all.put("kafka", new Scenario("broker kill -9 + restart", faults.crash("kafka"), Duration.ofSeconds(5), false, false,
                restartBudget.plus(pollBudget)));
        for (String service : List.of("webhook-ingress", "normalizer", "dedup-service", "crm-writer", "reconciler")) {
            all.put(service, new Scenario("kill -9 " + service, faults.crash(service), Duration.ZERO, false, false,
                    restartBudget.plus(pollBudget)));
        }
        all.put("postgres", new Scenario("PostgreSQL restart", faults.restart("postgres"), Duration.ofSeconds(5), false, false,
                restartBudget.plus(pollBudget)));
        all.put("outage", new Scenario("CRM outage 15 s", faults.crm(acme, "{\"account\":\"acme\",\"mode\":\"outage\"}", false),
                Duration.ofSeconds(15), false, false, Duration.ofMinutes(3)));
        all.put("rate-limit", new Scenario("CRM rate limit 5/10 s",
                faults.crm(acme, "{\"account\":\"acme\",\"mode\":\"rate-limit\",\"requests\":5,\"perSeconds\":10}", false),
                Duration.ofSeconds(15), false, false, Duration.ofMinutes(3)));
        all.put("auth", new Scenario("CRM auth failure + resume", faults.crm(acme, "{\"account\":\"acme\",\"mode\":\"auth\"}", true),
                Duration.ofSeconds(10), false, false, Duration.ofMinutes(3)));
        all.put("drop", new Scenario("drop 30 % of webhooks",
                faults.simulator(store, "{\"storeId\":\"" + store + "\",\"mode\":\"drop-webhooks\",\"percent\":30}"),
                wholeLoad, false, false, pollBudget));
        all.put("duplicate", new Scenario("duplicate deliveries",
                faults.simulator(store, "{\"storeId\":\"" + store + "\",\"mode\":\"duplicate-webhooks\"}"),
                wholeLoad, false, true, Duration.ofMinutes(3)));
        all.put("reorder", new Scenario("reordered deliveries (update first)",
                faults.simulator(store, "{\"storeId\":\"" + store + "\",\"mode\":\"reorder-webhooks\",\"hold\":6}"),
                wholeLoad, true, false, Duration.ofMinutes(3)));
        if (!options.shortForm()) {
            return List.copyOf(all.values());
        }
        return List.of(all.get("crm-writer"), all.get("normalizer"), all.get("kafka"), all.get("postgres"),
                all.get("outage"), all.get("duplicate"), all.get("reorder"));
    }

    /** The tenants' secrets and every e-mail and phone the suite sent: none may appear in a log. */
    private List<LogScan.Needle> needles(FaultOrders orders, int scenarios) {
        List<LogScan.Needle> needles = new ArrayList<>();
        for (Tenant tenant : registry.tenants()) {
            tenant.crm().credentials().forEach((name, value) ->
                    needles.add(new LogScan.Needle(value, "CRM " + name + " of " + tenant.id())));
            for (Store store : tenant.stores()) {
                if (store.webhookSecret() != null) {
                    needles.add(new LogScan.Needle(store.webhookSecret(), "webhook secret of " + store.id()));
                }
                store.previousSecret().ifPresent(s -> needles.add(new LogScan.Needle(s, "previous webhook secret of " + store.id())));
                store.adminApiCredentials().forEach((name, value) ->
                        needles.add(new LogScan.Needle(value, "admin API " + name + " of " + store.id())));
            }
        }
        for (int scenario = 1; scenario <= scenarios; scenario++) {
            for (int buyer = 0; buyer < FaultOrders.BUYERS; buyer++) {
                String email = orders.email(scenario, buyer);
                String phone = orders.phone(scenario, buyer);
                needles.add(new LogScan.Needle(email, "e-mail " + Mask.email(email)));
                needles.add(new LogScan.Needle(phone, "phone " + Mask.phone(phone)));
                // The national number without its +49 prefix is as telling as the E.164 form.
                needles.add(new LogScan.Needle(phone.substring(3), "phone digits " + Mask.phone(phone)));
            }
        }
        needles.removeIf(n -> n.text() == null || n.text().length() < 6);
        return needles;
    }
}
