package io.crmsync.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.contract.Topics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Renders every k8s/overlays/* with {@code kubectl kustomize} (offline) and checks the topics and the database. */
class KustomizeOverlaysTest {

    private static final Path OVERLAYS = Manifests.root().resolve("k8s/overlays");
    /**
     * Every topic constant of the contract ({@link Topics}), so a new topic without a KafkaTopic fails here;
     * bench.raw.v1 is a benchmark topic, not part of it.
     */
    private static final List<String> CONTRACT_TOPICS = Arrays.stream(Topics.class.getFields())
            .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
            .map(KustomizeOverlaysTest::value).toList();

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void overlayDeclaresEveryContractTopicAndItsDeadLetterTwin(Path overlay) throws Exception {
        Manifests rendered = kustomize(overlay);
        assertThat(CONTRACT_TOPICS).hasSize(5);
        List<String> expected = new ArrayList<>();
        CONTRACT_TOPICS.forEach(t -> expected.addAll(List.of(t, Topics.dlq(t))));
        List<JsonNode> topics = rendered.ofKind("KafkaTopic");
        assertThat(topics).extracting(t -> t.at("/spec/topicName").asText()).containsExactlyInAnyOrderElementsOf(expected);

        for (JsonNode topic : topics) {
            String name = topic.at("/spec/topicName").asText();
            assertThat(topic.at("/metadata/labels/strimzi.io~1cluster").asText()).as(name).isEqualTo("crm-sync-kafka");
            assertThat(topic.at("/spec/partitions").asInt()).as("%s partitions", name).isPositive();
            assertThat(topic.at("/spec/replicas").asInt()).as("%s replicas", name).isPositive();
            assertThat(topic.at("/spec/config/retention.ms").isNumber()).as("%s retention", name).isTrue();
            assertThat(topic.at("/spec/config/min.insync.replicas").asInt())
                    .as("%s min ISR below replicas", name).isLessThanOrEqualTo(topic.at("/spec/replicas").asInt());
            assertThat(name).as("dots only, never underscores").doesNotContain("_");
            String policy = topic.at("/spec/config/cleanup.policy").asText();
            assertThat(policy).as("%s cleanup.policy", name).isEqualTo(name.equals(Topics.CONTROL_TENANT) ? "compact" : "delete");
        }
        JsonNode control = rendered.one("KafkaTopic", Topics.CONTROL_TENANT);
        assertThat(control.at("/spec/partitions").asInt()).isEqualTo(1);

        JsonNode received = rendered.one("KafkaTopic", Topics.WEBHOOK_RECEIVED);
        JsonNode database = rendered.one("Cluster", "crm-sync-db");
        assertThat(database.at("/spec/bootstrap/initdb/database").asText()).isEqualTo("crmsync");
        JsonNode brokers = rendered.one("KafkaNodePool", "dual-role");
        assertThat(received.at("/spec/replicas").asInt()).isLessThanOrEqualTo(brokers.at("/spec/replicas").asInt());
        assertThat(rendered.one("Kafka", "crm-sync-kafka").at("/spec/entityOperator/topicOperator").isObject())
                .as("the topic operator reconciles the KafkaTopics").isTrue();
        assertThat(rendered.ofKind("Namespace")).hasSize(1);
        assertThat(rendered.ofKind("Role")).extracting(r -> r.at("/metadata/name").asText())
                .containsExactlyInAnyOrder("crm-sync-operator", "crm-sync-viewer");
        String namespace = rendered.ofKind("Namespace").get(0).at("/metadata/name").asText();
        rendered.objects().stream().filter(o -> !o.path("kind").asText().equals("Namespace"))
                .forEach(o -> assertThat(o.at("/metadata/namespace").asText()).isEqualTo(namespace));
    }

    @Test
    void productionIsReplicatedAndScaled() throws Exception {
        Manifests rendered = kustomize(OVERLAYS.resolve("prod"));
        assertThat(rendered.one("KafkaNodePool", "dual-role").at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(rendered.one("Cluster", "crm-sync-db").at("/spec/instances").asInt()).isEqualTo(3);
        for (String topic : List.of(Topics.WEBHOOK_RECEIVED, Topics.ENTITY_NORMALIZED, Topics.CRM_RECORD_UPSERT, Topics.CRM_WRITE_RESULT)) {
            JsonNode t = rendered.one("KafkaTopic", topic);
            assertThat(t.at("/spec/replicas").asInt()).isEqualTo(3);
            assertThat(t.at("/spec/config/min.insync.replicas").asInt()).isEqualTo(2);
            assertThat(t.at("/spec/partitions").asInt()).as("room for the chart's HPA maxReplicas").isGreaterThanOrEqualTo(6);
        }
    }

    static Manifests kustomize(Path dir) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new AssertionError("kubectl is needed on the PATH to render k8s/ (it renders offline): " + e.getMessage(), e);
        }
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("kubectl kustomize %s: %s", dir, err).isZero();
        return Manifests.parse(new String(out, StandardCharsets.UTF_8));
    }

    static List<Path> overlays() throws IOException {
        try (var dirs = Files.list(OVERLAYS)) {
            List<Path> all = dirs.filter(Files::isDirectory).sorted().toList();
            assertThat(all).extracting(p -> p.getFileName().toString()).contains("dev", "prod");
            return all;
        }
    }
}
