package io.crmsync.ingress.platform.bigcommerce;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.commons.tenant.Platform;
import io.crmsync.commons.tenant.Store;
import io.crmsync.contract.webhook.Delivery;
import io.crmsync.ingress.Fixtures;
import io.crmsync.ingress.Signatures;
import io.crmsync.ingress.platform.MalformedDeliveryException;
import io.crmsync.ingress.platform.ParsedDelivery;
import io.crmsync.ingress.platform.Verdict;
import io.crmsync.ingress.platform.WebhookHeaders;
import io.crmsync.ingress.platform.WebhookRequest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BigCommerceTest {

    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final long NOW = 1_750_000_000L;
    private static final String SECRET = "bc-client-secret";
    private static final byte[] THIN = ("{\"scope\":\"store/order/created\",\"store_id\":\"1025646\",\"data\":{\"type\":\"order\",\"id\":250},"
            + "\"hash\":\"dd70c0976e06b67aaf671e73f49dcb79230ebf9d\",\"created_at\":1561479335,\"producer\":\"stores/abc123\"}")
            .getBytes(StandardCharsets.UTF_8);

    private final BigCommerceDeliveryParser parser = new BigCommerceDeliveryParser();

    @Test
    void verifiesTheStandardWebhooksSpecVector() {
        JsonNode vector = Fixtures.json("signature_test_vectors.json").get("standard_webhooks");
        long timestamp = vector.get("webhook-timestamp").asLong();
        Store store = store(vector.get("secret").asText(), null);
        Map<String, String> headers = Map.of(
                "webhook-id", vector.get("webhook-id").asText(),
                "webhook-timestamp", String.valueOf(timestamp),
                "webhook-signature", vector.get("expected").asText());
        byte[] body = vector.get("body").asText().getBytes(StandardCharsets.UTF_8);

        assertThat(verifierAt(timestamp).verify(store, request(headers, body))).isEqualTo(Verdict.VALID);
        // The same, correctly signed delivery presented later than the tolerance is a possible replay.
        assertThat(verifierAt(timestamp + TOLERANCE.toSeconds() + 1).verify(store, request(headers, body))).isEqualTo(Verdict.STALE);
        assertThat(verifierAt(timestamp - TOLERANCE.toSeconds() - 1).verify(store, request(headers, body))).isEqualTo(Verdict.STALE);
    }

    @Test
    void acceptsAnyOfSeveralSignaturesAndThePreviousSecret() {
        Store rotating = store(SECRET, "bc-previous-secret");
        String good = Signatures.standardWebhooks("bc-previous-secret", "msg_1", NOW, THIN);
        String other = Signatures.standardWebhooks("unrelated", "msg_1", NOW, THIN);
        Map<String, String> headers = Map.of("Webhook-Id", "msg_1", "Webhook-Timestamp", String.valueOf(NOW),
                "Webhook-Signature", "v2,abc " + other + " " + good);
        assertThat(verifierAt(NOW).verify(rotating, request(headers, THIN))).isEqualTo(Verdict.VALID);
        assertThat(verifierAt(NOW).verify(store(SECRET, null), request(headers, THIN))).isEqualTo(Verdict.INVALID);
    }

    @Test
    void refusesMissingHeadersTamperingAndUnreadableTimestamps() {
        Store store = store(SECRET, null);
        String signature = Signatures.standardWebhooks(SECRET, "msg_1", NOW, THIN);
        assertThat(verifierAt(NOW).verify(store, request(Map.of("webhook-id", "msg_1", "webhook-signature", signature), THIN)))
                .isEqualTo(Verdict.MISSING);
        assertThat(verifierAt(NOW).verify(store, request(Map.of("webhook-id", "msg_2", "webhook-timestamp", String.valueOf(NOW),
                "webhook-signature", signature), THIN))).isEqualTo(Verdict.INVALID);
        assertThat(verifierAt(NOW).verify(store, request(Map.of("webhook-id", "msg_1", "webhook-timestamp", "soon",
                "webhook-signature", signature), THIN))).isEqualTo(Verdict.INVALID);
        assertThat(verifierAt(NOW).verify(store, request(Map.of("webhook-id", "msg_1", "webhook-timestamp", String.valueOf(NOW),
                "webhook-signature", "v1,%%%"), THIN))).isEqualTo(Verdict.INVALID);
    }

    @Test
    void parsesTheThinBody() {
        ParsedDelivery parsed = parser.parse(request(Map.of("webhook-id", "msg_1"), THIN));
        assertThat(parsed.topic()).isEqualTo("store/order/created");
        assertThat(parsed.objectType()).isEqualTo("order");
        assertThat(parsed.objectId()).isEqualTo("250");
        assertThat(parsed.delivery()).isEqualTo(new Delivery("msg_1", true, Instant.ofEpochSecond(1561479335)));
    }

    @Test
    void mapsScopesAndRefusesOthers() {
        assertThat(scopeType("store/customer/updated")).isEqualTo("customer");
        assertThat(scopeType("store/product/created")).isEqualTo("product");
        assertThat(scopeType("store/shipment/created")).isEqualTo("fulfillment");
        assertThat(scopeType("store/order/refund/created")).isEqualTo("order");
        for (String scope : new String[] {"store/cart/created", "store/app/uninstalled", "order", ""}) {
            assertThatThrownBy(() -> scopeType(scope)).isInstanceOfSatisfying(MalformedDeliveryException.class,
                    e -> assertThat(e.reason()).isEqualTo(MalformedDeliveryException.Reason.UNKNOWN_TOPIC));
        }
        assertThatThrownBy(() -> parser.parse(request(Map.of("webhook-id", "m"),
                "{\"scope\":\"store/order/created\",\"data\":{\"type\":\"order\"}}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(MalformedDeliveryException.class,
                        e -> assertThat(e.reason()).isEqualTo(MalformedDeliveryException.Reason.MISSING_ID));
    }

    private String scopeType(String scope) {
        byte[] body = ("{\"scope\":\"" + scope + "\",\"data\":{\"id\":9}}").getBytes(StandardCharsets.UTF_8);
        return parser.parse(request(Map.of("webhook-id", "m"), body)).objectType();
    }

    private static BigCommerceSignatureVerifier verifierAt(long epochSecond) {
        return new BigCommerceSignatureVerifier(Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC), TOLERANCE);
    }

    private static Store store(String secret, String previous) {
        return new Store("bc", Platform.BIGCOMMERCE, secret, previous, null, Map.of());
    }

    private static WebhookRequest request(Map<String, String> headers, byte[] body) {
        return new WebhookRequest("bigcommerce", "bc", WebhookHeaders.ofSingle(headers), body);
    }
}
