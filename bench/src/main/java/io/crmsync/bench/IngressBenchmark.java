package io.crmsync.bench;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The ingress benchmark: the raw Kafka maximum, then at each offered rate an open-loop run of
 * signed Shopify webhooks against webhook-ingress and one of raw Kafka records of the same size.
 */
public final class IngressBenchmark {

    /** How long to wait for the last answers once everything is sent. */
    private static final Duration DRAIN = Duration.ofSeconds(30);

    private final BenchArgs args;
    private final ShopifyOrderWebhooks webhooks;

    public IngressBenchmark(BenchArgs args, ShopifyOrderWebhooks webhooks) {
        this.args = args;
        this.webhooks = webhooks;
    }

    public String run(IngressClient ingress) throws InterruptedException {
        OpenLoopRunner runner = new OpenLoopRunner(args.maxInFlight(), DRAIN);
        List<OpenLoopResult> http = new ArrayList<>();
        List<OpenLoopResult> raw = new ArrayList<>();
        double rawMax;
        try (KafkaBaseline kafka = new KafkaBaseline(args.bootstrap(), args.size())) {
            kafka.ensureTopic();
            Progress.say("raw Kafka maximum rate, %d s (+%d s warm-up)", args.seconds(), args.warmup());
            rawMax = kafka.maxRate(args.warmup(), args.seconds(), args.maxInFlight());
            // Unique per run, so neither ingress nor dedup sees a repeat of an earlier run's order.
            long firstOrderId = System.currentTimeMillis() * 1000;
            for (int rate : args.rates()) {
                Progress.say("ingress at %d/s, %d s (+%d s warm-up)", rate, args.seconds(), args.warmup());
                List<HttpRequest> requests = requests(ingress, rate, firstOrderId);
                firstOrderId += requests.size();
                http.add(runner.run(rate, args.warmup(), args.seconds(),
                        i -> ingress.send(requests.get((int) i)), 202));
                Progress.say("raw Kafka at %d/s, %d s (+%d s warm-up)", rate, args.seconds(), args.warmup());
                raw.add(runner.run(rate, args.warmup(), args.seconds(), kafka::send, 0));
            }
        }
        return ResultTable.format(MachineInfo.current(), args.size(), args.seconds(), rawMax, http, raw);
    }

    /** Signs every request before the clock starts: the load generator shares the CPUs it measures. */
    private List<HttpRequest> requests(IngressClient ingress, int rate, long firstOrderId) {
        int count = Math.toIntExact((long) rate * (args.warmup() + args.seconds()));
        List<HttpRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(ingress.request(webhooks.storeId(), webhooks.order(firstOrderId + i)));
        }
        return requests;
    }
}
