package io.crmsync.bench;

import io.crmsync.bench.fault.FaultCommand;
import io.crmsync.commons.tenant.Platform;
import io.crmsync.commons.tenant.StoreBinding;
import io.crmsync.commons.tenant.TenantRegistryLoader;
import io.crmsync.testkit.JwtTokens;
import io.crmsync.testkit.stack.LocalStack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Entry point of {@code bench/run}: parses the arguments, checks that the local stack answers,
 * runs the benchmark(s), prints each table on stdout (progress goes to stderr) and, with
 * {@code --write}, regenerates BENCHMARKS.md.
 */
public final class BenchCommand {

    private final BenchArgs args;
    private final Path root;
    private final LocalStack stack;
    private final StoreBinding store;
    private final IngressClient ingress;
    private final ShopifyOrderWebhooks webhooks;
    private final StackHttp http = new StackHttp();
    private final CrmSandboxClient crm;

    private BenchCommand(BenchArgs args, Path root, StoreBinding store, IngressClient ingress) {
        this.args = args;
        this.root = root;
        this.stack = new LocalStack(root, root.resolve("deploy/local/.run"));
        this.store = store;
        this.ingress = ingress;
        this.webhooks = new ShopifyOrderWebhooks(args.storeId(), store.store().webhookSecret(), args.size());
        this.crm = new CrmSandboxClient(http, LocalStack.url("crm-sandbox"));
    }

    public static void main(String[] argv) throws Exception {
        // The Kafka clients log their whole configuration at INFO; only trouble matters here.
        Logger.getLogger("org.apache.kafka").setLevel(Level.WARNING);
        Path root = Path.of(System.getProperty("crmsync.root", ".")).toAbsolutePath().normalize();
        if (argv.length > 0 && "faults".equals(argv[0])) {
            // The fault suite has options of its own and its own checks of the stack.
            System.exit(FaultCommand.run(Arrays.copyOfRange(argv, 1, argv.length), root));
            return;
        }
        BenchArgs args;
        try {
            args = BenchArgs.parse(argv, root);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(BenchArgs.USAGE);
            System.exit(2);
            return;
        }
        StoreBinding store = new TenantRegistryLoader().load(args.tenantsFile()).store(args.storeId())
                .orElseThrow(() -> new IllegalArgumentException("store " + args.storeId() + " is not in " + args.tenantsFile()));
        if (store.store().platform() != Platform.SHOPIFY) {
            throw new IllegalArgumentException("store " + args.storeId() + " is not a Shopify store");
        }
        try (IngressClient ingress = new IngressClient(args.ingressUrl())) {
            if (!ingress.ready()) {
                System.err.println("webhook-ingress is not ready at " + args.ingressUrl() + "/q/health/ready."
                        + " Start the local stack first: deploy/local/stack up"
                        + " (to benchmark above the quota: CRMSYNC_INGRESS_QUOTA_RATE=100000"
                        + " CRMSYNC_INGRESS_QUOTA_BURST=100000 deploy/local/stack up)");
                System.exit(1);
                return;
            }
            new BenchCommand(args, root, store, ingress).run(argv);
        }
        System.exit(0);
    }

    private void run(String[] argv) throws Exception {
        Instant started = Instant.now();
        String loadBefore = ProcStat.loadAverage().orElse("unknown");
        List<BenchReport> reports = new ArrayList<>();
        switch (args.command()) {
            case "ingress" -> reports.add(ingress());
            case "e2e" -> reports.add(e2e());
            case "crm" -> reports.add(crmEfficiency());
            case "backfill" -> reports.add(backfill());
            case "resources" -> reports.add(resources());
            case "all" -> {
                // Idle first, while the stack is fresh; ingress last, as its top rate leaves a backlog downstream.
                print(reports, resources());
                print(reports, e2e());
                print(reports, crmEfficiency());
                print(reports, backfill());
                print(reports, ingress());
            }
            default -> throw new IllegalArgumentException("unknown benchmark " + args.command());
        }
        if (!"all".equals(args.command())) {
            reports.forEach(BenchCommand::printOne);
        }
        if (args.write().isPresent()) {
            String command = "bench/run " + String.join(" ", argv);
            BenchmarksFile.write(args.write().get(), BenchmarksFile.render(MachineInfo.current(), command, started,
                    Instant.now(), loadBefore, ProcStat.loadAverage().orElse("unknown"), reports));
            Progress.say("wrote %s", root.relativize(args.write().get()));
        }
    }

    private static void print(List<BenchReport> reports, BenchReport report) {
        reports.add(report);
        printOne(report);
    }

    private static void printOne(BenchReport report) {
        System.out.println("== " + report.title() + "  (" + report.command() + ")");
        System.out.println(report.table());
    }

    private BenchReport ingress() throws InterruptedException {
        String table = new IngressBenchmark(args, webhooks).run(ingress);
        return new BenchReport("Ingress: accepted webhooks and ack latency",
                "bench/run ingress --rates " + String.join(",", args.rates().stream().map(String::valueOf).toList())
                        + " --seconds " + args.seconds() + " --size " + args.size() + " --warmup " + args.warmup(),
                table, """
                        Open loop at each offered rate (request *i* due at `start + i / rate`, latency from that due
                        time, so stalls are counted), signed Shopify `orders/create` webhooks padded to `--size` bytes,
                        the first `--warmup` seconds not measured; ack latency of the `202`s only (refusals have their
                        own columns). Beside it, the same schedule written straight to the broker by a producer
                        configured like ingress's (`acks=all`, idempotent, `linger.ms=0`), and that producer's
                        closed-loop maximum: the ceiling, since ingress answers `202` only once the broker acked.
                        The four downstream services process the same load meanwhile. Method in detail:
                        [bench/README.md](bench/README.md).""");
    }

    private BenchReport e2e() throws InterruptedException {
        return new EndToEndBenchmark(args, orderRuns(), crm, account()).run();
    }

    private BenchReport crmEfficiency() throws InterruptedException {
        return new CrmEfficiencyBenchmark(args, orderRuns(), crm, account()).run();
    }

    private BenchReport backfill() throws InterruptedException {
        ReconcilerClient reconciler = new ReconcilerClient(http, LocalStack.url("reconciler"), stack.token(JwtTokens.OPERATOR));
        StorefrontSimulatorClient simulator = new StorefrontSimulatorClient(http, LocalStack.url("storefront-simulator"));
        return new BackfillBenchmark(args, simulator, reconciler, crm, store.tenant().id(), account()).run();
    }

    private BenchReport resources() throws InterruptedException {
        return new ResourceBenchmark(args, stack.processesByName(), stack.logDir(), orderRuns(), crm, account()).run();
    }

    private OrderSyncRun orderRuns() {
        return new OrderSyncRun(ingress, webhooks, crm, account(), new OpenLoopRunner(args.maxInFlight(), Duration.ofSeconds(30)));
    }

    /** The HubSpot account of the store's tenant in the sandbox. */
    private String account() {
        return store.tenant().crm().account();
    }
}
