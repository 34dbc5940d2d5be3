package io.crmsync.writer.messaging;

import io.crmsync.writer.config.AdminConfig;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes dead letters back to the writer's input topic: original key and value bytes, headers
 * as {@link DeadLetterHeaders#forReplay} makes them. The default partitioner hashes the same key
 * bytes as the original send, so a record's commands stay in order on one partition. Returns only
 * once the broker acknowledged every record ({@code acks=all}, idempotent producer).
 */
@ApplicationScoped
public class DeadLetterRepublisher {

    /** Client ids stay unique so that concurrent replays do not collide in JMX. */
    private static final AtomicLong PRODUCERS = new AtomicLong();

    private final Map<String, Object> kafka;
    private final AdminConfig.DeadLetters config;

    public DeadLetterRepublisher(@Identifier("default-kafka-broker") Map<String, Object> kafka, AdminConfig config) {
        this.kafka = kafka;
        this.config = config.deadLetters();
    }

    /** Sends in the given order; throws {@link DeadLetterTopicException} unless every record was acknowledged. */
    public void publish(List<DeadLetterRecord> deadLetters, String replayId) {
        if (deadLetters.isEmpty()) {
            return;
        }
        Duration timeout = config.publishTimeout();
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties(timeout),
                new ByteArraySerializer(), new ByteArraySerializer());
        try {
            List<Future<RecordMetadata>> acks = new ArrayList<>(deadLetters.size());
            for (DeadLetterRecord deadLetter : deadLetters) {
                acks.add(producer.send(new ProducerRecord<>(config.replayTopic(), null, deadLetter.key(),
                        deadLetter.value(), DeadLetterHeaders.forReplay(deadLetter.headers(), replayId))));
            }
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException e) {
            throw notConfirmed(e.getCause());
        } catch (KafkaException | TimeoutException e) {
            throw notConfirmed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notConfirmed(e);
        } finally {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private DeadLetterTopicException notConfirmed(Throwable cause) {
        return new DeadLetterTopicException("the broker did not acknowledge every replayed record on "
                + config.replayTopic() + " (" + cause + "); nothing was recorded as replayed, replaying again is safe",
                cause);
    }

    private Properties properties(Duration timeout) {
        Properties props = new Properties();
        props.putAll(kafka);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "crm-writer-dlq-replay-" + PRODUCERS.incrementAndGet());
        // Give up within the publish timeout (delivery.timeout.ms must cover linger + request timeout).
        long total = Math.max(timeout.toMillis(), 2_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) total);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(30_000, total / 2));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, total);
        return props;
    }
}
