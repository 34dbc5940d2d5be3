package io.crmsync.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Lints deploy/helm/crm-sync and asserts on what it renders with its defaults and each ci/*-values.yaml. */
class HelmChartTest {

    static final Path CHART = Manifests.root().resolve("deploy/helm/crm-sync");
    static final List<String> SERVICES = List.of("webhook-ingress", "normalizer", "dedup-service", "crm-writer", "reconciler");
    static final List<String> WITH_DATABASE = List.of("dedup-service", "crm-writer", "reconciler");
    static final String RELEASE = "sync";
    static final String FULLNAME = "sync-crm-sync";

    private static Manifests defaults;

    @BeforeAll
    static void renderDefaults() {
        defaults = render(null);
    }

    static Manifests render(Path valuesFile) {
        var template = template().withNamespace("crm-sync");
        if (valuesFile != null) {
            template = template.withValuesFile(valuesFile);
        }
        return Manifests.parse(template.call());
    }

    /** helm template as against a cluster of the oldest Kubernetes the chart supports. */
    static TemplateCommand template() {
        return new Helm(CHART).template().withName(RELEASE).withNamespace("crm-sync").withKubeVersion("1.25.0");
    }

    static Stream<Path> ciValues() throws IOException {
        try (Stream<Path> files = Files.list(CHART.resolve("ci"))) {
            List<Path> all = files.filter(f -> f.getFileName().toString().endsWith("-values.yaml")).sorted().toList();
            assertThat(all).as("ci/*-values.yaml scenarios").hasSizeGreaterThanOrEqualTo(3);
            return all.stream();
        }
    }

    @Test
    void lintsStrictlyWithoutFindings() {
        LintResult result = new Helm(CHART).lint().strict().call();
        assertThat(result.isFailed()).as("helm lint --strict: %s", result.getMessages()).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }

    @ParameterizedTest
    @MethodSource("ciValues")
    void everyScenarioRendersConsistentWorkloads(Path values) {
        Manifests rendered = render(values);
        List<JsonNode> deployments = rendered.ofKind("Deployment");
        assertThat(deployments).isNotEmpty();
        for (JsonNode deployment : deployments) {
            JsonNode selector = deployment.at("/spec/selector/matchLabels");
            assertThat(names(selector)).as("selector of %s", deployment.at("/metadata/name").asText())
                    .containsExactlyInAnyOrder("app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/component");
            JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
            selector.fields().forEachRemaining(e -> assertThat(podLabels.path(e.getKey()).asText()).isEqualTo(e.getValue().asText()));
            assertThat(deployment.at("/spec/template/metadata/annotations/checksum~1config").asText()).matches("[0-9a-f]{64}");
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
            assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
            assertThat(container.at("/resources/limits/memory").asText()).as("JVM services need a memory limit").isNotEmpty();
            assertThat(container.at("/resources/requests/cpu").asText()).isNotEmpty();
        }
        // Every PDB, HPA and Service selects exactly one Deployment's pods.
        for (String kind : List.of("PodDisruptionBudget", "Service")) {
            for (JsonNode object : rendered.ofKind(kind)) {
                JsonNode selector = kind.equals("Service") ? object.at("/spec/selector") : object.at("/spec/selector/matchLabels");
                assertThat(deployments).filteredOn(d -> d.at("/spec/selector/matchLabels").equals(selector)).hasSize(1);
            }
        }
        for (JsonNode hpa : rendered.ofKind("HorizontalPodAutoscaler")) {
            String target = hpa.at("/spec/scaleTargetRef/name").asText();
            assertThat(deployments).anyMatch(d -> d.at("/metadata/name").asText().equals(target));
            assertThat(hpa.at("/spec/minReplicas").asInt()).isLessThanOrEqualTo(hpa.at("/spec/maxReplicas").asInt());
            assertThat(target).as("the reconciler must never autoscale").doesNotEndWith("-reconciler");
        }
    }

    @Test
    void rendersFiveServicesWithTheirEnvironment() {
        for (String service : SERVICES) {
            JsonNode deployment = defaults.one("Deployment", FULLNAME + "-" + service);
            assertThat(deployment.at("/spec/selector/matchLabels")).isEqualTo(YamlNodes.of(Map.of(
                    "app.kubernetes.io/name", "crm-sync", "app.kubernetes.io/instance", RELEASE,
                    "app.kubernetes.io/component", service)));
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            assertThat(container.at("/image").asText()).isEqualTo("ghcr.io/crm-sync/" + service + ":0.1.0-SNAPSHOT");
            assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
            assertThat(container.at("/envFrom/0/configMapRef/name").asText()).isEqualTo(FULLNAME + "-" + service);

            JsonNode config = defaults.one("ConfigMap", FULLNAME + "-" + service).path("data");
            assertThat(config.path("QUARKUS_HTTP_PORT").asText()).isEqualTo("8080");
            assertThat(config.path("KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo("crm-sync-kafka-kafka-bootstrap:9092");
            assertThat(config.path("OTEL_EXPORTER_OTLP_ENDPOINT").asText()).startsWith("http://");
            assertThat(config.path("CRMSYNC_TENANTS_FILE").asText()).isEqualTo("/etc/crm-sync/tenants/tenants.yaml");

            // The registry is a Secret mounted as a directory (no subPath), so edits reach the pod.
            JsonNode mount = find(container.path("volumeMounts"), "name", "tenants");
            assertThat(mount.path("mountPath").asText()).isEqualTo("/etc/crm-sync/tenants");
            assertThat(mount.has("subPath")).isFalse();
            JsonNode volume = find(deployment.at("/spec/template/spec/volumes"), "name", "tenants");
            assertThat(volume.at("/secret/secretName").asText()).isEqualTo("crm-sync-tenants");

            boolean database = WITH_DATABASE.contains(service);
            assertThat(config.has("QUARKUS_DATASOURCE_JDBC_URL")).isEqualTo(database);
            assertThat(config.has("QUARKUS_OIDC_AUTH_SERVER_URL")).isEqualTo(database);
            if (database) {
                JsonNode password = find(container.path("env"), "name", "QUARKUS_DATASOURCE_PASSWORD");
                assertThat(password.at("/valueFrom/secretKeyRef/name").asText()).isEqualTo("crm-sync-db-app");
                assertThat(config.toString()).doesNotContainIgnoringCase("password");
            }
        }
    }

    @Test
    void checksumFollowsTheServicesOwnConfigOnly() {
        Manifests changed = Manifests.parse(template()
                .set("services.crm-writer.env.CRMSYNC_WRITER_MAX_BATCH_INPUTS", "50").call());
        assertThat(checksum(changed, "crm-writer")).isNotEqualTo(checksum(defaults, "crm-writer"));
        assertThat(checksum(changed, "normalizer")).isEqualTo(checksum(defaults, "normalizer"));
    }

    @Test
    void reconcilerRunsAloneAndCannotBeScaledOut() {
        JsonNode reconciler = defaults.one("Deployment", FULLNAME + "-reconciler");
        assertThat(reconciler.at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(reconciler.at("/spec/strategy/type").asText()).isEqualTo("Recreate");
        assertThatThrownBy(() -> template().set("services.reconciler.replicas", "2").call())
                .hasMessageContaining("reconciler");
    }

    @Test
    void disruptionBudgetsAndAutoscalers() {
        assertThat(defaults.ofKind("PodDisruptionBudget")).hasSize(5)
                .allSatisfy(pdb -> assertThat(pdb.at("/spec/maxUnavailable").asInt()).isEqualTo(1));
        assertThat(defaults.ofKind("HorizontalPodAutoscaler"))
                .extracting(h -> h.at("/spec/scaleTargetRef/name").asText())
                .containsExactlyInAnyOrder(FULLNAME + "-webhook-ingress", FULLNAME + "-normalizer", FULLNAME + "-dedup-service");
        for (JsonNode hpa : defaults.ofKind("HorizontalPodAutoscaler")) {
            assertThat(hpa.at("/apiVersion").asText()).isEqualTo("autoscaling/v2");
            assertThat(hpa.at("/spec/metrics/0/resource/name").asText()).isEqualTo("cpu");
            String target = hpa.at("/spec/scaleTargetRef/name").asText();
            assertThat(defaults.one("Deployment", target).at("/spec").has("replicas"))
                    .as("an autoscaled Deployment leaves replicas to the HPA").isFalse();
        }
    }

    @Test
    void onlyTheWebhookEndpointIsReachableFromOutside() {
        JsonNode ingress = defaults.one("Ingress", FULLNAME + "-webhook-ingress");
        JsonNode paths = ingress.at("/spec/rules/0/http/paths");
        assertThat(paths).hasSize(1);
        assertThat(paths.at("/0/path").asText()).isEqualTo("/webhooks/");
        assertThat(paths.at("/0/backend/service/name").asText()).isEqualTo(FULLNAME + "-webhook-ingress");
        assertThat(defaults.ofKind("Ingress")).hasSize(1);
        for (JsonNode service : defaults.ofKind("Service")) {
            assertThat(service.at("/spec/type").asText()).isEqualTo("ClusterIP");
        }

        List<JsonNode> policies = defaults.ofKind("NetworkPolicy");
        assertThat(policies).hasSize(2);
        JsonNode release = defaults.one("NetworkPolicy", FULLNAME);
        assertThat(names(release.at("/spec/podSelector/matchLabels")))
                .containsExactlyInAnyOrder("app.kubernetes.io/name", "app.kubernetes.io/instance");
        assertThat(release.at("/spec/policyTypes")).extracting(JsonNode::asText).containsExactly("Ingress");
        JsonNode from = release.at("/spec/ingress/0/from");
        assertThat(from).hasSize(2);
        assertThat(from.at("/0/podSelector/matchLabels/app.kubernetes.io~1instance").asText()).isEqualTo(RELEASE);
        assertThat(from.at("/1/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText()).isEqualTo("monitoring");
        JsonNode webhook = defaults.one("NetworkPolicy", FULLNAME + "-webhook-ingress");
        assertThat(webhook.at("/spec/podSelector/matchLabels/app.kubernetes.io~1component").asText()).isEqualTo("webhook-ingress");
        assertThat(webhook.at("/spec/ingress/0/from/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText())
                .isEqualTo("ingress-nginx");
    }

    @Test
    void serviceMonitorsScrapeEveryService() {
        List<JsonNode> monitors = defaults.ofKind("ServiceMonitor");
        assertThat(monitors).hasSize(5);
        for (JsonNode monitor : monitors) {
            assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/q/metrics");
            assertThat(monitor.at("/spec/endpoints/0/port").asText()).isEqualTo("http");
            JsonNode selector = monitor.at("/spec/selector/matchLabels");
            assertThat(defaults.ofKind("Service")).filteredOn(s -> contains(s.at("/metadata/labels"), selector)).hasSize(1);
        }
        assertThat(defaults.ofKind("PrometheusRule")).hasSize(1);
        assertThat(defaults.one("ConfigMap", FULLNAME + "-dashboard").at("/metadata/labels/grafana_dashboard").asText()).isEqualTo("1");
    }

    /**
     * helm-java's template, like {@code helm template --skip-tests}, leaves hooks out of its output. The
     * hook's source must carry the annotation; a copy of the chart without it renders the pod as a plain
     * object, which is then asserted on.
     */
    @Test
    void helmTestHookChecksEveryServiceIsReady(@TempDir Path copy) throws IOException {
        Path hook = Path.of("templates/tests/test-ready.yaml");
        String source = Files.readString(CHART.resolve(hook));
        assertThat(source).contains("helm.sh/hook: test");
        copyChart(copy);
        Files.writeString(copy.resolve(hook), source.lines().filter(l -> !l.contains("helm.sh/hook"))
                .collect(Collectors.joining("\n")));
        Manifests rendered = Manifests.parse(new Helm(copy).template().withName(RELEASE).withKubeVersion("1.25.0").call());

        JsonNode pod = rendered.one("Pod", FULLNAME + "-test-ready");
        assertThat(pod.at("/spec/restartPolicy").asText()).isEqualTo("Never");
        String script = pod.at("/spec/containers/0/args/0").asText();
        for (String service : SERVICES) {
            assertThat(script).contains("http://" + FULLNAME + "-" + service + ":8080/q/health/ready");
        }
        assertThat(pod.at("/metadata/labels/app.kubernetes.io~1instance").asText())
                .as("the release's NetworkPolicy admits the test pod").isEqualTo(RELEASE);
    }

    private static void copyChart(Path target) throws IOException {
        try (Stream<Path> files = Files.walk(CHART)) {
            for (Path file : files.toList()) {
                Path to = target.resolve(CHART.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        }
    }

    @Test
    void minimalScenarioDropsTheOperatorObjects() {
        Manifests minimal = render(CHART.resolve("ci/minimal-values.yaml"));
        for (String kind : List.of("ServiceMonitor", "PrometheusRule", "NetworkPolicy", "Ingress")) {
            assertThat(minimal.ofKind(kind)).as(kind).isEmpty();
        }
        assertThat(minimal.ofKind("Deployment")).hasSize(5);
    }

    @Test
    void schemaRejectsUnknownKeysAndMissingSecrets() {
        assertThatThrownBy(() -> template().set("services.crm-writr.enabled", "true").call())
                .hasMessageContaining("crm-writr");
        assertThatThrownBy(() -> template().set("tenants.existingSecret", "").call())
                .hasMessageContaining("existingSecret");
    }

    private static String checksum(Manifests manifests, String service) {
        return manifests.one("Deployment", FULLNAME + "-" + service)
                .at("/spec/template/metadata/annotations/checksum~1config").asText();
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static boolean contains(JsonNode labels, JsonNode selector) {
        var fields = selector.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            if (!e.getValue().equals(labels.path(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (value.equals(item.path(field).asText())) {
                return item;
            }
        }
        throw new AssertionError("no item with " + field + "=" + value + " in " + array);
    }
}
