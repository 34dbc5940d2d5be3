package io.crmsync.testkit.stack;

import io.crmsync.contract.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Creates the contract topics and their dead-letter twins before the services subscribe, as the
 * Strimzi {@code KafkaTopic}s do in a cluster: consumers then join at once instead of waiting for
 * auto-created topics to show up in their metadata.
 */
final class StackTopics {

    private static final int PARTITIONS = 3;
    private static final List<String> TOPICS = List.of(
            Topics.WEBHOOK_RECEIVED, Topics.ENTITY_NORMALIZED, Topics.CRM_RECORD_UPSERT, Topics.CRM_WRITE_RESULT);
    private static final String CONTROL = Topics.CONTROL_TENANT;

    private StackTopics() {
    }

    static void create(String bootstrapServers) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : TOPICS) {
            topics.add(new NewTopic(topic, PARTITIONS, (short) 1));
            topics.add(new NewTopic(Topics.dlq(topic), PARTITIONS, (short) 1));
        }
        topics.add(new NewTopic(CONTROL, 1, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        topics.add(new NewTopic(Topics.dlq(CONTROL), 1, (short) 1));
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            for (var result : admin.createTopics(topics).values().values()) {
                try {
                    result.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topics: " + e.getCause().getMessage(), e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the broker did not create the topics within 30 s", e);
        }
    }
}
