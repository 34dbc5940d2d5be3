package io.crmsync.bench.fault;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reads the pipeline's dead-letter topics end to end (no consumer group: assigned partitions from
 * the beginning) and gives each record's key with its {@code crmsync_error_class}. An order lands
 * under a key that ends in its id on every hop: {@code …/order/<id>} before the dedup-service,
 * {@code …/deal/<store>:<id>} after it.
 */
final class DeadLetterTopics {

    static final List<String> TOPICS = List.of("commerce.webhook.received.v1.dlq", "commerce.entity.normalized.v1.dlq",
            "crm.record.upsert.v1.dlq");
    static final String ERROR_CLASS = "crmsync_error_class";

    private final String bootstrapServers;

    DeadLetterTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Error class by record key, over every DLQ (a key dead-lettered twice keeps its last class). */
    Map<String, String> errorClassByKey() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        Map<String, String> classes = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the DLQ topics could not be read to their end within 30 s");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Header header = record.headers().lastHeader(ERROR_CLASS);
                    classes.put(String.valueOf(record.key()),
                            header == null ? "unclassified" : new String(header.value(), StandardCharsets.UTF_8));
                }
            }
        }
        return classes;
    }

    /** The error class of the order, if any DLQ holds it. */
    static String classOf(Map<String, String> byKey, String storeId, long orderId) {
        String deal = "/deal/" + storeId + ":" + orderId;
        String order = "/order/" + orderId;
        return byKey.entrySet().stream()
                .filter(e -> e.getKey().endsWith(deal) || e.getKey().endsWith(order))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
