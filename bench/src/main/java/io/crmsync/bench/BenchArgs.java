package io.crmsync.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@code bench/run}: {@code ingress [--rates 50,100,200] [--seconds 15]
 * [--size 2048] [--warmup 3] ...}.
 *
 * @param command      the benchmark to run (only {@code ingress} today)
 * @param rates        offered rates, requests a second, one table row each
 * @param seconds      measured seconds at each rate (and of the raw Kafka maximum-rate run)
 * @param size         webhook body size in bytes, also the raw Kafka record size
 * @param warmup       seconds sent at each rate before measuring, results discarded
 * @param maxInFlight  requests (or records) outstanding at most; latency still counts from the scheduled time
 * @param ingressUrl   base URL of webhook-ingress
 * @param bootstrap    Kafka bootstrap servers of the same stack
 * @param tenantsFile  tenant registry holding the store's webhook secret
 * @param storeId      the Shopify store the webhooks are signed for
 */
public record BenchArgs(String command, List<Integer> rates, int seconds, int size, int warmup, int maxInFlight,
                        String ingressUrl, String bootstrap, Path tenantsFile, String storeId) {

    public static final String USAGE = """
            usage: bench/run ingress [--rates 50,100,200] [--seconds 15] [--size 2048] [--warmup 3]
                                     [--max-in-flight 512] [--ingress-url http://localhost:8080]
                                     [--bootstrap localhost:19092] [--tenants deploy/local/tenants.yaml]
                                     [--store acme-shopify]""";

    public BenchArgs {
        if (!"ingress".equals(command)) {
            throw new IllegalArgumentException("unknown benchmark '" + command + "'");
        }
        if (rates.isEmpty() || rates.stream().anyMatch(r -> r <= 0)) {
            throw new IllegalArgumentException("--rates needs positive rates, got " + rates);
        }
        positive("--seconds", seconds);
        positive("--size", size);
        positive("--max-in-flight", maxInFlight);
        if (warmup < 0) {
            throw new IllegalArgumentException("--warmup must be >= 0, got " + warmup);
        }
        rates = List.copyOf(rates);
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
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--rates" -> rates = rates(value);
                case "--seconds" -> seconds = integer(option, value);
                case "--size" -> size = integer(option, value);
                case "--warmup" -> warmup = integer(option, value);
                case "--max-in-flight" -> maxInFlight = integer(option, value);
                case "--ingress-url" -> ingressUrl = value.replaceAll("/+$", "");
                case "--bootstrap" -> bootstrap = value;
                case "--tenants" -> tenants = value;
                case "--store" -> store = value;
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return new BenchArgs(args[0], rates, seconds, size, warmup, maxInFlight, ingressUrl, bootstrap,
                root.resolve(tenants), store);
    }

    private static List<Integer> rates(String value) {
        List<Integer> rates = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                rates.add(integer("--rates", part.trim()));
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

    private static void positive(String option, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(option + " must be > 0, got " + value);
        }
    }
}
