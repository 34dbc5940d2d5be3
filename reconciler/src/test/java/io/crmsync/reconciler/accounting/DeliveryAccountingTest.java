package io.crmsync.reconciler.accounting;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.crmsync.contract.CloudEventHeaders;
import io.crmsync.contract.EventCodec;
import io.crmsync.contract.EventType;
import io.crmsync.contract.Topics;
import io.crmsync.contract.command.SyncMode;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.contract.result.CrmWriteResult;
import io.crmsync.contract.webhook.Delivery;
import io.crmsync.contract.webhook.WebhookReceived;
import io.crmsync.testkit.CrmSyncTestResource;
import io.crmsync.testkit.JwtTokens;
import io.crmsync.testkit.TestTenants;
import io.crmsync.testkit.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Both ends of the pipeline on the real broker: what entered ({@code commerce.webhook.received.v1})
 * and what the crm-writer settled ({@code crm.write.result.v1}); what entered and was never
 * settled within the grace period (1 s in tests) is a mismatch.
 */
@QuarkusTest
@WithTestResource(value = CrmSyncTestResource.class, initArgs = @ResourceArg(name = "apps", value = "storefront-simulator"))
class DeliveryAccountingTest {

    private static final EventCodec CODEC = new EventCodec();
    private static final String ACME = TestTenants.ACME;
    private static final String STORE = TestTenants.ACME_SHOPIFY;

    @Test
    void anOrderReceivedAndNeverSettledIsAMismatchWhileASettledOneIsNot() {
        String lost = orderId();
        String written = orderId();
        String deadLettered = orderId();
        receive(lost, "orders/create", "order", "webhook");
        receive(written, "orders/updated", "order", "poll");
        receive(deadLettered, "orders/create", "order", "webhook");
        settle(written, "created", null);
        settle(deadLettered, "dead-lettered", "validation");

        await().atMost(Duration.ofSeconds(30)).until(() -> mismatchIds().contains(lost));
        assertThat(mismatchIds()).doesNotContain(written, deadLettered);
        Map<String, Object> mismatch = mismatches().stream().filter(m -> lost.equals(m.get("objectId"))).findFirst()
                .orElseThrow();
        assertThat(mismatch).containsEntry("platform", "shopify").containsEntry("storeId", STORE)
                .containsEntry("objectType", "order").containsEntry("lastOrigin", "webhook");
        await().atMost(Duration.ofSeconds(10)).until(() -> gauge("crmsync_reconcile_mismatches") >= 1
                && gauge("crmsync_reconcile_settled_ratio") < 1.0);

        // Settled at last (a retry, a resumed tenant): no longer a mismatch.
        settle(lost, "created", null);
        await().atMost(Duration.ofSeconds(30)).until(() -> !mismatchIds().contains(lost));
    }

    @Test
    void aResultBeforeItsReceivedEventAndObjectsThatNeverSyncAreNoMismatches() {
        String early = orderId();
        settle(early, "updated", null);
        receive(early, "orders/updated", "order", "webhook");
        String deleted = orderId();
        receive(deleted, "customers/delete", "customer", "webhook");
        String product = orderId();
        receive(product, "products/update", "product", "webhook");
        String marker = orderId();
        receive(marker, "orders/create", "order", "webhook");

        // The marker shows the events are being accounted; the others must stay out meanwhile.
        await().atMost(Duration.ofSeconds(30)).until(() -> mismatchIds().contains(marker));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> mismatchIds().stream().noneMatch(id -> List.of(early, deleted, product).contains(id)));
    }

    @Test
    void mismatchesNeedAViewerTokenAndATenant() {
        given().get("/admin/mismatches?tenant=acme").then().statusCode(401);
        given().auth().oauth2(JwtTokens.withRoles("someone-else")).get("/admin/mismatches?tenant=acme").then().statusCode(403);
        given().auth().oauth2(JwtTokens.viewer()).get("/admin/mismatches").then().statusCode(400);
    }

    private static String orderId() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    }

    private static void receive(String objectId, String topic, String objectType, String origin) {
        WebhookReceived event = new WebhookReceived("shopify", STORE, topic, objectType, objectId,
                new Delivery(UUID.randomUUID().toString(), true, Instant.now()), Instant.now(),
                JsonNodeFactory.instance.objectNode().put("id", Long.parseLong(objectId)));
        Map<String, String> headers = headers(EventType.WEBHOOK_RECEIVED, origin);
        TopicProbe.send(bootstrapServers(), Topics.WEBHOOK_RECEIVED, ACME + "/" + STORE + "/" + objectType + "/" + objectId,
                CODEC.encode(EventType.WEBHOOK_RECEIVED, event), headers);
    }

    private static void settle(String orderId, String outcome, String errorClass) {
        CrmWriteResult result = new CrmWriteResult("cmd-" + UUID.randomUUID(), ACME, "deal", STORE + ":" + orderId, "upsert",
                outcome, errorClass == null ? "9" + orderId : null, errorClass, 1, SyncMode.LIVE,
                new SourceRef("shopify", STORE, "order", orderId), Instant.now(), Instant.now());
        TopicProbe.send(bootstrapServers(), Topics.CRM_WRITE_RESULT, result.kafkaKey(),
                CODEC.encode(EventType.WRITE_RESULT, result), headers(EventType.WRITE_RESULT, "webhook"));
    }

    private static Map<String, String> headers(EventType<?> type, String origin) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.SPECVERSION, "1.0");
        headers.put(CloudEventHeaders.ID, UUID.randomUUID().toString());
        headers.put(CloudEventHeaders.TYPE, type.name());
        headers.put(CloudEventHeaders.SOURCE, "/test");
        headers.put(CloudEventHeaders.TIME, Instant.now().toString());
        headers.put(CloudEventHeaders.DATASCHEMA, type.dataSchema());
        headers.put(CloudEventHeaders.TENANT, ACME);
        headers.put(CloudEventHeaders.ORIGIN, origin);
        headers.put("content-type", "application/json");
        return headers;
    }

    private static List<Map<String, Object>> mismatches() {
        return given().auth().oauth2(JwtTokens.viewer()).get("/admin/mismatches?tenant=acme&limit=1000")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static List<Object> mismatchIds() {
        return mismatches().stream().map(m -> m.get("objectId")).toList();
    }

    private static double gauge(String name) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith(name + "{") && l.contains("tenant=\"acme\""))
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(Double.NaN);
    }

    private static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
