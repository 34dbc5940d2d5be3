package io.crmsync.bench;

import java.util.concurrent.TimeoutException;
import java.util.Arrays;
import io.crmsync.contract.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ceiling ingress is compared with: a plain Kafka producer configured like ingress's
 * ({@code acks=all}, idempotent, {@code linger.ms=0}) writing records of the webhook body's size to
 * {@value #TOPIC} on the same broker.
 */
public final class KafkaBaseline implements AutoCloseable {

    public static final String TOPIC = "bench.raw.v1";

    private final String bootstrap;
    private final KafkaProducer<String, byte[]> producer;
    private final byte[] value;

    public KafkaBaseline(String bootstrap, int size) {
        this.bootstrap = bootstrap;
        this.value = new byte[size];
        Arrays.fill(value, (byte) 'x');
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-raw");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(config);
    }

    /** Creates {@value #TOPIC} with as many partitions as the topic ingress writes, so both spread alike. */
    public void ensureTopic() throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            int partitions = 1;
            try {
                TopicDescription ingress = admin.describeTopics(List.of(Topics.WEBHOOK_RECEIVED))
                        .allTopicNames().get(10, TimeUnit.SECONDS).get(Topics.WEBHOOK_RECEIVED);
                partitions = ingress.partitions().size();
            } catch (ExecutionException | TimeoutException e) {
                System.err.println("cannot describe " + Topics.WEBHOOK_RECEIVED + " (" + e.getMessage() + "), using 1 partition");
            }
            try {
                admin.createTopics(List.of(new NewTopic(TOPIC, partitions, (short) 1))).all().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create " + TOPIC + ": " + e.getCause().getMessage(), e);
                }
            } catch (TimeoutException e) {
                throw new IllegalStateException("the broker at " + bootstrap + " did not answer in 10 s", e);
            }
        }
    }

    /** Sends record {@code i} (keyed like ingress, by an object id) and completes with 0 once acknowledged. */
    public CompletionStage<Integer> send(long i) {
        CompletableFuture<Integer> acked = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(TOPIC, Long.toString(i), value), (metadata, failure) -> {
            if (failure == null) {
                acked.complete(0);
            } else {
                acked.completeExceptionally(failure);
            }
        });
        return acked;
    }

    /**
     * Closed-loop maximum: keeps {@code maxInFlight} records outstanding for {@code warmup + seconds}
     * and counts the acks that arrive in the last {@code seconds}.
     */
    public double maxRate(int warmupSeconds, int seconds, int maxInFlight) throws InterruptedException {
        Semaphore inFlight = new Semaphore(maxInFlight);
        AtomicLong acked = new AtomicLong();
        long measureFrom = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long end = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
        long i = 0;
        while (System.nanoTime() < end) {
            if (!inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                continue;
            }
            send(i++).whenComplete((status, failure) -> {
                long now = System.nanoTime();
                if (failure == null && now >= measureFrom && now < end) {
                    acked.incrementAndGet();
                }
                inFlight.release();
            });
        }
        producer.flush();
        return acked.get() / (double) seconds;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
