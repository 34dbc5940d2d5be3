package io.crmsync.ingress.rest;

import io.crmsync.contract.webhook.WebhookReceived;
import io.crmsync.ingress.Fixtures;
import io.crmsync.ingress.Signatures;
import io.crmsync.testkit.CrmSyncTestResource;
import io.crmsync.testkit.TestTenants;
import io.crmsync.testkit.TopicProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(CrmSyncTestResource.class)
@Order(5)
class WooCommerceAndBigCommerceWebhookTest {

    private static final byte[] BIGCOMMERCE_ORDER = Deliveries.json(
            "{\"scope\":\"store/order/created\",\"store_id\":\"1025646\",\"data\":{\"type\":\"order\",\"id\":250},"
                    + "\"hash\":\"dd70c0976e06b67aaf671e73f49dcb79230ebf9d\",\"created_at\":1561479335,\"producer\":\"stores/abc123\"}");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aSignedWooCommerceOrderIsPublishedWithAnUnstableDeliveryId() {
        byte[] body = Fixtures.bytes("woocommerce/order_retrieve_v3.json");
        Map<String, String> headers = Map.of(
                "X-WC-Webhook-Source", "https://acme.example/",
                "X-WC-Webhook-Topic", "order.updated",
                "X-WC-Webhook-Resource", "order",
                "X-WC-Webhook-Event", "updated",
                "X-WC-Webhook-ID", "15",
                "X-WC-Webhook-Delivery-ID", "2f8a",
                "X-WC-Webhook-Signature", Signatures.bodyHmac(TestTenants.ACME_WOO_SECRET, body));
        try (TopicProbe probe = TopicProbe.open(bootstrapServers, Deliveries.TOPIC)) {
            Deliveries.post("woocommerce", TestTenants.ACME_WOO, headers, body).statusCode(202);
            assertThat(probe.await(1, Duration.ofSeconds(20))).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo("acme/acme-woo/order/727");
                assertThat(record.headers()).containsEntry("ce_tenant", "acme").containsEntry("ce_source", "/stores/acme-woo")
                        // A body hash is no delivery id: two deliveries of the same body are not one.
                        .doesNotContainKey("ce_deliveryid");
                WebhookReceived event = Deliveries.decode(record);
                assertThat(event.topic()).isEqualTo("order.updated");
                assertThat(event.delivery().stable()).isFalse();
            });
        }
    }

    @Test
    void wooCommercesCreationPingIsAnsweredAndNotPublished() {
        try (TopicProbe probe = TopicProbe.open(bootstrapServers, Deliveries.TOPIC)) {
            Deliveries.postForm("woocommerce", TestTenants.ACME_WOO, "webhook_id=15")
                    .statusCode(200).body("status", equalTo("handshake"));
            assertThat(probe.poll(Duration.ofSeconds(2))).isEmpty();
        }
    }

    @Test
    void aSignedBigCommerceDeliveryIsPublishedUnderItsTenant() {
        long now = Instant.now().getEpochSecond();
        String webhookId = "msg_" + Deliveries.newEventId();
        try (TopicProbe probe = TopicProbe.open(bootstrapServers, Deliveries.TOPIC)) {
            Deliveries.post("bigcommerce", TestTenants.GLOBEX_BC, standardWebhooks(webhookId, now), BIGCOMMERCE_ORDER)
                    .statusCode(202).body("deliveryId", equalTo(webhookId));
            assertThat(probe.await(1, Duration.ofSeconds(20))).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo("globex/globex-bc/order/250");
                assertThat(record.headers()).containsEntry("ce_tenant", "globex").containsEntry("ce_subject", "order/250");
                WebhookReceived event = Deliveries.decode(record);
                assertThat(event.topic()).isEqualTo("store/order/created");
                assertThat(event.delivery().id()).isEqualTo(webhookId);
                assertThat(event.delivery().stable()).isTrue();
            });
        }
    }

    @Test
    void aBigCommerceDeliverySignedTooLongAgoIsRefused() {
        long tenMinutesAgo = Instant.now().minusSeconds(600).getEpochSecond();
        Deliveries.post("bigcommerce", TestTenants.GLOBEX_BC, standardWebhooks("msg_old", tenMinutesAgo), BIGCOMMERCE_ORDER)
                .statusCode(401).body("error", equalTo("stale_timestamp"));
    }

    private static Map<String, String> standardWebhooks(String id, long timestamp) {
        return Map.of(
                "webhook-id", id,
                "webhook-timestamp", String.valueOf(timestamp),
                "webhook-signature", Signatures.standardWebhooks(TestTenants.GLOBEX_BC_SECRET, id, timestamp, BIGCOMMERCE_ORDER));
    }
}
