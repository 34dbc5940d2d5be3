package io.crmsync.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The alerts and the dashboard query only metrics the services register. */
class MetricNamesTest {

    private static final List<String> MODULES = List.of("webhook-ingress", "normalizer", "dedup-service", "crm-writer",
            "reconciler", "source-api", "commons");
    private static final Set<String> EXPOSED = MeterCatalogue.scan(Manifests.root(), MODULES).prometheusNames();

    @Test
    void theCatalogueKnowsTheDocumentedMeters() {
        // Names the service READMEs document, one per meter kind and per service: proves the scan reads
        // each registration style (builder, registry call, constant, helper method).
        assertThat(EXPOSED).contains(
                "crmsync_webhooks_received_total", "crmsync_webhooks_rejected_total", "crmsync_webhook_ack_seconds_bucket",
                "crmsync_events_normalized_total", "crmsync_source_api_calls_total",
                "crmsync_duplicates_suppressed_total", "crmsync_field_conflicts_total", "crmsync_outbox_pending",
                "crmsync_crm_writes_total", "crmsync_sync_latency_seconds_bucket", "crmsync_writer_queue_depth",
                "crmsync_tenant_paused", "crmsync_crm_api_daily_used",
                "crmsync_reconcile_polled_total", "crmsync_reconcile_mismatches");
        assertThat(EXPOSED).doesNotContain("crmsync_tenant_total", "crmsync_writer_total");
    }

    @Test
    void everyAlertRuleUsesExposedMetrics() {
        JsonNode rule = HelmChartTest.render(null).one("PrometheusRule", HelmChartTest.FULLNAME);
        List<String> used = new ArrayList<>();
        List<String> alerts = new ArrayList<>();
        for (JsonNode r : rule.at("/spec/groups/0/rules")) {
            alerts.add(r.path("alert").asText());
            List<String> names = MeterCatalogue.namesIn(r.path("expr").asText());
            assertThat(names).as("alert %s queries a crmsync metric", r.path("alert").asText()).isNotEmpty();
            used.addAll(names);
        }
        assertThat(used).allSatisfy(name -> assertThat(EXPOSED).as("exposed by a service").contains(name));
        assertThat(alerts).contains("CrmSyncWriteFailureRateHigh", "CrmSyncLatencyHigh", "CrmSyncQueueDepthHigh",
                "CrmSyncConflictRateHigh", "CrmSyncCrmApiErrorRateHigh", "CrmSyncTenantPausedForAuth");
    }

    @Test
    void everyDashboardQueryUsesExposedMetrics() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(
                Files.readString(HelmChartTest.CHART.resolve("dashboards/crm-sync.json")));
        List<String> used = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                List<String> names = MeterCatalogue.namesIn(target.path("expr").asText());
                assertThat(names).as("panel %s", panel.path("title").asText()).isNotEmpty();
                used.addAll(names);
            }
        }
        for (JsonNode variable : dashboard.at("/templating/list")) {
            used.addAll(MeterCatalogue.namesIn(variable.path("definition").asText()));
        }
        assertThat(used).hasSizeGreaterThan(15)
                .allSatisfy(name -> assertThat(EXPOSED).as("exposed by a service").contains(name));
    }
}
