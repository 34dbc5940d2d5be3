package io.crmsync.ingress.rest;

import io.crmsync.ingress.Fixtures;
import io.crmsync.testkit.CrmSyncTestResource;
import io.crmsync.testkit.TestTenants;
import io.crmsync.testkit.TopicProbe;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@WithTestResource(CrmSyncTestResource.class)
@Order(2)
class WebhookTracingTest {

    @Inject
    InMemorySpanExporter spans;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void theRequestAndThePublishedRecordShareOneTrace() {
        byte[] body = Fixtures.unwrapped(Deliveries.SHOPIFY_ORDER, "order");
        String traceId;
        try (TopicProbe probe = TopicProbe.open(bootstrapServers, Deliveries.TOPIC)) {
            Deliveries.post("shopify", TestTenants.ACME_SHOPIFY, Deliveries.shopifyHeaders(body, Deliveries.newEventId()), body)
                    .statusCode(202);
            traceId = probe.await(1, Duration.ofSeconds(20)).get(0).traceId();
        }
        assertThat(traceId).isNotBlank();

        // Spans of other tests land in the same exporter: pick this trace's.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<SpanData> trace = spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
            assertThat(trace).anySatisfy(span -> {
                assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
                assertThat(span.getName()).isEqualTo("POST /webhooks/{platform}/{storeId}");
            });
            assertThat(trace).anySatisfy(span -> {
                assertThat(span.getKind()).isEqualTo(SpanKind.PRODUCER);
                assertThat(span.getName()).contains(Deliveries.TOPIC);
            });
        });
    }
}
