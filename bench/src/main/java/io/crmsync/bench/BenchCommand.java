package io.crmsync.bench;

import io.crmsync.commons.tenant.Platform;
import io.crmsync.commons.tenant.StoreBinding;
import io.crmsync.commons.tenant.TenantRegistryLoader;

import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Entry point of {@code bench/run}: parses the arguments, checks that the local stack answers,
 * runs the benchmark and prints its table on stdout (progress goes to stderr).
 */
public final class BenchCommand {

    private BenchCommand() {
    }

    public static void main(String[] argv) throws Exception {
        // The Kafka clients log their whole configuration at INFO; only trouble matters here.
        Logger.getLogger("org.apache.kafka").setLevel(Level.WARNING);
        Path root = Path.of(System.getProperty("crmsync.root", "."));
        if (argv.length > 0 && "faults".equals(argv[0])) System.exit(io.crmsync.bench.fault.FaultCommand.run(java.util.Arrays.copyOfRange(argv, 1, argv.length), root));
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
        ShopifyOrderWebhooks webhooks = new ShopifyOrderWebhooks(args.storeId(), store.store().webhookSecret(), args.size());
        try (IngressClient ingress = new IngressClient(args.ingressUrl())) {
            if (!ingress.ready()) {
                System.err.println("webhook-ingress is not ready at " + args.ingressUrl() + "/q/health/ready."
                        + " Start the local stack first: deploy/local/stack up"
                        + " (to benchmark above the quota: CRMSYNC_INGRESS_QUOTA_RATE=100000"
                        + " CRMSYNC_INGRESS_QUOTA_BURST=100000 deploy/local/stack up)");
                System.exit(1);
                return;
            }
            System.out.print(new IngressBenchmark(args, webhooks).run(ingress));
        }
        System.exit(0);
    }
}
