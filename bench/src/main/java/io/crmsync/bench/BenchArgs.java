package io.crmsync.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line of {@code bench/run}: {@code <benchmark> [options]}, see {@link #USAGE}.
 *
 * @param command         the benchmark to run, one of {@link #COMMANDS}
 * @param rates           ingress: offered rates, requests a second, one table row each
 * @param seconds         ingress: measured seconds at each rate (and of the raw Kafka maximum-rate run)
 * @param size            webhook body size in bytes, also the raw Kafka record size
 * @param warmup          ingress: seconds sent at each rate before measuring, results discarded
 * @param maxInFlight     requests (or records) outstanding at most; latency still counts from the scheduled time
 * @param ingressUrl      base URL of webhook-ingress
 * @param bootstrap       Kafka bootstrap servers of the same stack
 * @param tenantsFile     tenant registry holding the store's webhook secret
 * @param storeId         the Shopify store the webhooks are signed for (its tenant's CRM must be HubSpot)
 * @param e2eRates        e2e: sustained rates tried in turn, orders a second
 * @param e2eSeconds      e2e: seconds each rate is sustained
 * @param loadRate        resources and the CRM steady state: the rate of the load, orders a second
 * @param backlog         crm: orders queued behind the rate-limit fault
 * @param limitRequests   crm: the fault's budget, requests ...
 * @param limitSeconds    crm: ... per this many seconds
 * @param backfillOrders  backfill: pre-go-live orders seeded and imported
 * @param write           file to regenerate with the results (e.g. BENCHMARKS.md), relative to the repo root
 */
public record BenchArgs(String command, List<Integer> rates, int seconds, int size, int warmup, int maxInFlight,
                        String ingressUrl, String bootstrap, Path tenantsFile, String storeId,
                        List<Integer> e2eRates, int e2eSeconds, int loadRate, int backlog, int limitRequests,
                        int limitSeconds, int backfillOrders, Optional<Path> write) {

    /** The benchmarks (each one a case of {@link BenchCommand}'s dispatch). */
    public static final List<String> COMMANDS = List.of("all", "ingress", "e2e", "crm", "backfill", "resources");

    public static final String USAGE = """
            usage: bench/run all|ingress|e2e|crm|backfill|resources [options]   (the local stack must be up)
                   bench/run faults [--short] [options]               (the fault suite; see bench/FAULTS.md)
              all                 resources, e2e, crm, backfill, ingress in turn (about 8 min)
              --write FILE        regenerate FILE (BENCHMARKS.md) with the machine, the command and every table
              ingress:   [--rates 50,100,200] [--seconds 15] [--size 2048] [--warmup 3] [--max-in-flight 512]
                         [--bootstrap localhost:19092]
              e2e:       [--e2e-rates 5,10,20,40,80] [--e2e-seconds 20]
              crm:       [--load-rate 10] [--backlog 1000] [--limit 10/10]   (requests / seconds of the fault)
              backfill:  [--backfill-orders 1000]
              resources: [--load-rate 10]
              common:    [--ingress-url http://localhost:8080] [--tenants deploy/local/tenants.yaml] [--store acme-shopify]""";

    public BenchArgs {
        if (!COMMANDS.contains(command)) {
            throw new IllegalArgumentException("unknown benchmark '" + command + "'");
        }
        positiveRates("--rates", rates);
        positiveRates("--e2e-rates", e2eRates);
        positive("--seconds", seconds);
        positive("--size", size);
        positive("--max-in-flight", maxInFlight);
        positive("--e2e-seconds", e2eSeconds);
        positive("--load-rate", loadRate);
        positive("--backlog", backlog);
        positive("--limit", limitRequests);
        positive("--limit", limitSeconds);
        positive("--backfill-orders", backfillOrders);
        if (warmup < 0) {
            throw new IllegalArgumentException("--warmup must be >= 0, got " + warmup);
        }
        rates = List.copyOf(rates);
        e2eRates = List.copyOf(e2eRates);
    }

    /** Parses the arguments; relative paths resolve against {@code root} (the repository root). */
    public static BenchArgs parse(String[] args, Path root) {
        if (args.length == 0) {
            throw new IllegalArgumentException("which benchmark?");
        }
        List<Integer> rates = List.of(50, 100, 200);
        int seconds = 15;
        int size = 2048;
        int warmup = 3;
        int maxInFlight = 512;
        String ingressUrl = "http://localhost:8080";
        String bootstrap = "localhost:19092";
        String tenants = "deploy/local/tenants.yaml";
        String store = "acme-shopify";
        List<Integer> e2eRates = List.of(5, 10, 20, 40, 80);
        int e2eSeconds = 20;
        int loadRate = 10;
        int backlog = 1000;
        int limitRequests = 10;
        int limitSeconds = 10;
        int backfillOrders = 1000;
        Optional<Path> write = Optional.empty();
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--rates" -> rates = rates(option, value);
                case "--seconds" -> seconds = integer(option, value);
                case "--size" -> size = integer(option, value);
                case "--warmup" -> warmup = integer(option, value);
                case "--max-in-flight" -> maxInFlight = integer(option, value);
                case "--ingress-url" -> ingressUrl = value.replaceAll("/+$", "");
                case "--bootstrap" -> bootstrap = value;
                case "--tenants" -> tenants = value;
                case "--store" -> store = value;
                case "--e2e-rates" -> e2eRates = rates(option, value);
                case "--e2e-seconds" -> e2eSeconds = integer(option, value);
                case "--load-rate" -> loadRate = integer(option, value);
                case "--backlog" -> backlog = integer(option, value);
                case "--limit" -> {
                    String[] parts = value.split("/");
                    if (parts.length != 2) {
                        throw new IllegalArgumentException("--limit expects requests/seconds, e.g. 10/10, got '" + value + "'");
                    }
                    limitRequests = integer(option, parts[0].trim());
                    limitSeconds = integer(option, parts[1].trim());
                }
                case "--backfill-orders" -> backfillOrders = integer(option, value);
                case "--write" -> write = Optional.of(root.resolve(value));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return new BenchArgs(args[0], rates, seconds, size, warmup, maxInFlight, ingressUrl, bootstrap,
                root.resolve(tenants), store, e2eRates, e2eSeconds, loadRate, backlog, limitRequests, limitSeconds,
                backfillOrders, write);
    }

    private static List<Integer> rates(String option, String value) {
        List<Integer> rates = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                rates.add(integer(option, part.trim()));
            }
        }
        return rates;
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " expects an integer, got '" + value + "'");
        }
    }

    private static void positiveRates(String option, List<Integer> rates) {
        if (rates.isEmpty() || rates.stream().anyMatch(r -> r <= 0)) {
            throw new IllegalArgumentException(option + " needs positive rates, got " + rates);
        }
    }

    private static void positive(String option, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(option + " must be > 0, got " + value);
        }
    }
}
