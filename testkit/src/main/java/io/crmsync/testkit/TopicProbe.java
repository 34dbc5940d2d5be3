package io.crmsync.testkit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Watches a topic from the moment it is opened: what a service published after that point, with
 * its headers. Also sends raw records, as another service would.
 */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Received> received = new ArrayList<>();

    private TopicProbe(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        ensureTopic(bootstrapServers, topic);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    public static TopicProbe open(String bootstrapServers, String topic) {
        return new TopicProbe(bootstrapServers, topic);
    }

    /** Everything published since the probe opened, polling for at most {@code wait}. */
    public List<Received> poll(Duration wait) {
        Instant until = Instant.now().plus(wait);
        do {
            consumer.poll(Duration.ofMillis(100)).forEach(r -> received.add(Received.of(r)));
        } while (Instant.now().isBefore(until));
        return List.copyOf(received);
    }

    /** Polls until {@code count} records arrived or {@code timeout} passed. */
    public List<Received> await(int count, Duration timeout) {
        Instant until = Instant.now().plus(timeout);
        while (received.size() < count && Instant.now().isBefore(until)) {
            consumer.poll(Duration.ofMillis(100)).forEach(r -> received.add(Received.of(r)));
        }
        return List.copyOf(received);
    }

    public static void send(String bootstrapServers, String topic, String key, byte[] value, Map<String, String> headers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
    }

    private static void ensureTopic(String bootstrapServers, String topic) {
        // Auto-creation happens on metadata requests; a probe opened before the producer must wait for it.
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.partitionsFor(topic);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }

    /** One consumed record. */
    public record Received(String topic, String key, byte[] value, Map<String, String> headers) {

        static Received of(ConsumerRecord<String, byte[]> r) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (Header h : r.headers()) {
                headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
            }
            return new Received(r.topic(), r.key(), r.value(), headers);
        }

        public String valueAsString() {
            return value == null ? null : new String(value, StandardCharsets.UTF_8);
        }

        /** The trace id of the W3C {@code traceparent} header ({@code 00-<trace>-<span>-<flags>}). */
        public String traceId() {
            String traceparent = headers.get("traceparent");
            return traceparent == null ? null : traceparent.split("-")[1];
        }
    }
}
