package io.crmsync.writer.messaging;

import io.crmsync.writer.config.AdminConfig;
import io.crmsync.writer.service.DeadLetterQuery;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the DLQ topic for the admin API with a plain consumer: all partitions assigned, no
 * consumer group, nothing committed, so listing or replaying never moves anyone's offsets.
 * Each partition is read from the first offset stamped at or after {@code from}
 * ({@code offsetsForTimes}) up to the first record stamped at or after {@code to}, or up to the end
 * offset captured when the read began: dead letters arriving meanwhile wait for the next request.
 * Dead letters are stamped by the writer when it sends them, so stamps follow offsets closely;
 * a record whose stamp lies out of order by more than the time range is not found.
 */
@ApplicationScoped
public class DeadLetterTopicReader {

    private static final Duration POLL = Duration.ofMillis(200);
    /** Client ids stay unique so that concurrent reads do not collide in JMX. */
    private static final AtomicLong READERS = new AtomicLong();

    private final Map<String, Object> kafka;
    private final AdminConfig.DeadLetters config;

    public DeadLetterTopicReader(@Identifier("default-kafka-broker") Map<String, Object> kafka, AdminConfig config) {
        this.kafka = kafka;
        this.config = config.deadLetters();
    }

    /** The dead letters {@code query} matches, at most {@code maxMatches} (then {@code truncated}). */
    public DeadLetterScan read(DeadLetterQuery query, int maxMatches) {
        Instant deadline = Instant.now().plus(config.readTimeout());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(config.topic(), config.readTimeout()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            if (partitions.isEmpty()) {
                return new DeadLetterScan(List.of(), false);
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, config.readTimeout());
            Map<TopicPartition, Long> start = startOffsets(consumer, partitions, query.from(), end, config.readTimeout());
            Set<TopicPartition> reading = new HashSet<>();
            for (TopicPartition partition : partitions) {
                if (start.get(partition) < end.get(partition)) {
                    reading.add(partition);
                }
            }
            consumer.assign(reading);
            reading.forEach(p -> consumer.seek(p, start.get(p)));

            List<DeadLetterRecord> matches = new ArrayList<>();
            while (!reading.isEmpty()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new DeadLetterTopicException("reading " + config.topic() + " took longer than "
                            + config.readTimeout() + "; narrow the time range", null);
                }
                Set<TopicPartition> finished = new HashSet<>();
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (finished.contains(partition) || !reading.contains(partition)) {
                        continue;
                    }
                    Instant stamp = Instant.ofEpochMilli(record.timestamp());
                    if (record.offset() >= end.get(partition) || (query.to() != null && !stamp.isBefore(query.to()))) {
                        finished.add(partition);
                        continue;
                    }
                    DeadLetterRecord deadLetter = deadLetter(record, stamp);
                    if (query.matches(deadLetter)) {
                        if (matches.size() == maxMatches) {
                            return new DeadLetterScan(matches, true);
                        }
                        matches.add(deadLetter);
                    }
                }
                // Also ends partitions whose last offsets hold no record (transaction markers, compaction).
                for (TopicPartition partition : reading) {
                    if (consumer.position(partition) >= end.get(partition)) {
                        finished.add(partition);
                    }
                }
                reading.removeAll(finished);
                consumer.pause(finished);
            }
            return new DeadLetterScan(matches, false);
        } catch (KafkaException e) {
            throw new DeadLetterTopicException("cannot read " + config.topic() + ": " + e.getMessage(), e);
        }
    }

    private static Map<TopicPartition, Long> startOffsets(KafkaConsumer<byte[], byte[]> consumer,
                                                          List<TopicPartition> partitions, Instant from,
                                                          Map<TopicPartition, Long> end, Duration timeout) {
        if (from == null) {
            return consumer.beginningOffsets(partitions, timeout);
        }
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, from.toEpochMilli()));
        Map<TopicPartition, Long> start = new HashMap<>();
        consumer.offsetsForTimes(query, timeout).forEach((partition, found) ->
                // Nothing stamped at or after from: nothing to read in this partition.
                start.put(partition, found == null ? end.get(partition) : found.offset()));
        return start;
    }

    private static DeadLetterRecord deadLetter(ConsumerRecord<byte[], byte[]> record, Instant stamp) {
        List<Header> headers = new ArrayList<>();
        record.headers().forEach(headers::add);
        return new DeadLetterRecord(record.partition(), record.offset(), stamp, record.key(), record.value(),
                List.copyOf(headers));
    }

    private Properties properties() {
        Properties props = new Properties();
        props.putAll(kafka);
        // A reader, not a member: no group, no commits, never creates the topic.
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "crm-writer-dlq-admin-" + READERS.incrementAndGet());
        return props;
    }
}
