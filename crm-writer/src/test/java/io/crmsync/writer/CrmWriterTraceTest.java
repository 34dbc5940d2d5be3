package io.crmsync.writer;

import io.crmsync.contract.command.CrmRecordUpsert;
import io.crmsync.testkit.CrmSyncTestResource;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static io.crmsync.writer.WriterTestSupport.company;
import static io.crmsync.writer.WriterTestSupport.objectWith;
import static io.crmsync.writer.WriterTestSupport.send;
import static io.crmsync.writer.WriterTestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The CRM call continues the trace of the command record it writes. */
@QuarkusTest
@WithTestResource(value = CrmSyncTestResource.class, initArgs = @ResourceArg(name = "apps", value = "crm-sandbox"))
class CrmWriterTraceTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theUpsertCallRunsInTheTraceOfTheConsumedRecord() {
        String traceId = randomHex(16);
        String key = "co-" + unique();
        CrmRecordUpsert company = company(key, "Initech " + key);

        send(company, "00-" + traceId + "-" + randomHex(8) + "-01");

        await().atMost(Duration.ofSeconds(30)).until(() -> objectWith("companies", "crmsync_company_key", key).isPresent());
        SpanData client = await().atMost(Duration.ofSeconds(30)).until(() -> upsertClientSpans(traceId), l -> !l.isEmpty())
                .get(0);
        assertThat(client.getTraceId()).isEqualTo(traceId);
        assertThat(spans.getFinishedSpanItems()).anySatisfy(span -> {
            assertThat(span.getName()).isEqualTo("crm write company");
            assertThat(span.getTraceId()).isEqualTo(traceId);
            assertThat(span.getSpanId()).isEqualTo(client.getParentSpanId());
        });
    }

    private List<SpanData> upsertClientSpans(String traceId) {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> s.getKind() == SpanKind.CLIENT)
                .filter(s -> traceId.equals(s.getTraceId()))
                .filter(s -> url(s).contains("/crm/v3/objects/companies/batch/upsert"))
                .toList();
    }

    private static String url(SpanData span) {
        String url = span.getAttributes().get(AttributeKey.stringKey("url.full"));
        if (url == null) {
            url = span.getAttributes().get(AttributeKey.stringKey("http.url"));
        }
        return url == null ? "" : url;
    }

    private static String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(value);
        value[0] |= 1; // never all zeros (an invalid id)
        return HexFormat.of().formatHex(value);
    }
}
