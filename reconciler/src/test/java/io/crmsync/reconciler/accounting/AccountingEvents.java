package io.crmsync.reconciler.accounting;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.contract.CloudEventHeaders;
import io.crmsync.contract.EventCodec;
import io.crmsync.contract.EventType;
import io.crmsync.contract.Topics;
import io.crmsync.contract.command.SyncMode;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.contract.result.CrmWriteResult;
import io.crmsync.contract.webhook.Delivery;
import io.crmsync.contract.webhook.WebhookReceived;
import io.crmsync.testkit.JwtTokens;
import io.crmsync.testkit.TestTenants;
import io.crmsync.testkit.TopicProbe;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/**
 * Both ends of the pipeline as the accounting tests play them on the real broker: a store object
 * entering ({@code commerce.webhook.received.v1}, as the ingress or the reconciler publish it) and
 * the crm-writer's result ({@code crm.write.result.v1}); plus the admin views they assert on.
 */
final class AccountingEvents {

    static final String ACME = TestTenants.ACME;
    static final String STORE = TestTenants.ACME_SHOPIFY;
    private static final EventCodec CODEC = new EventCodec();

    private AccountingEvents() {
    }

    static String objectId() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    }

    /** A Shopify store object entering the pipeline with {@code payload} as its body. */
    static void receive(String objectId, String topic, String objectType, String origin, JsonNode payload) {
        receive(ACME, "shopify", STORE, objectId, topic, objectType, origin, payload);
    }

    /** Any tenant's store object entering the pipeline. */
    static void receive(String tenant, String platform, String store, String objectId, String topic, String objectType,
                        String origin, JsonNode payload) {
        WebhookReceived event = new WebhookReceived(platform, store, topic, objectType, objectId,
                new Delivery(UUID.randomUUID().toString(), true, Instant.now()), Instant.now(), payload);
        TopicProbe.send(bootstrapServers(), Topics.WEBHOOK_RECEIVED, tenant + "/" + store + "/" + objectType + "/" + objectId,
                CODEC.encode(EventType.WEBHOOK_RECEIVED, event), headers(EventType.WEBHOOK_RECEIVED, tenant, origin));
    }

    /** The crm-writer's result for the Shopify order's deal. */
    static void settle(String orderId, String outcome, String errorClass, Instant sourceUpdatedAt) {
        CrmWriteResult result = new CrmWriteResult("cmd-" + UUID.randomUUID(), ACME, "deal", STORE + ":" + orderId, "upsert",
                outcome, errorClass == null ? "9" + orderId : null, errorClass, 1, SyncMode.LIVE,
                new SourceRef("shopify", STORE, "order", orderId), sourceUpdatedAt, Instant.now());
        TopicProbe.send(bootstrapServers(), Topics.CRM_WRITE_RESULT, result.kafkaKey(),
                CODEC.encode(EventType.WRITE_RESULT, result), headers(EventType.WRITE_RESULT, ACME, "webhook"));
    }

    /** CloudEvents binary-mode headers as the pipeline's producers set them ({@code origin} null: none). */
    static Map<String, String> headers(EventType<?> type, String tenant, String origin) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.SPECVERSION, "1.0");
        headers.put(CloudEventHeaders.ID, UUID.randomUUID().toString());
        headers.put(CloudEventHeaders.TYPE, type.name());
        headers.put(CloudEventHeaders.SOURCE, "/test");
        headers.put(CloudEventHeaders.TIME, Instant.now().toString());
        headers.put(CloudEventHeaders.DATASCHEMA, type.dataSchema());
        headers.put(CloudEventHeaders.TENANT, tenant);
        if (origin != null) {
            headers.put(CloudEventHeaders.ORIGIN, origin);
        }
        headers.put("content-type", "application/json");
        return headers;
    }

    static List<Map<String, Object>> mismatches() {
        return mismatches(ACME);
    }

    static List<Map<String, Object>> mismatches(String tenant) {
        return given().auth().oauth2(JwtTokens.viewer()).get("/admin/mismatches?tenant=" + tenant + "&limit=1000")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    static List<Object> mismatchIds() {
        return mismatches().stream().map(m -> m.get("objectId")).toList();
    }

    static Optional<Map<String, Object>> mismatch(String objectId) {
        return mismatch(ACME, objectId);
    }

    static Optional<Map<String, Object>> mismatch(String tenant, String objectId) {
        return mismatches(tenant).stream().filter(m -> objectId.equals(m.get("objectId"))).findFirst();
    }

    /** The first sample of a metric for tenant acme (and the given label, if any); NaN when absent. */
    static double metric(String name, String label) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith(name + "{") && l.contains("tenant=\"acme\"")
                        && (label == null || l.contains(label)))
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(Double.NaN);
    }

    static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
