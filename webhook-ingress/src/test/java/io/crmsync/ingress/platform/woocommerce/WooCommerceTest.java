package io.crmsync.ingress.platform.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.commons.tenant.Platform;
import io.crmsync.commons.tenant.Store;
import io.crmsync.ingress.Fixtures;
import io.crmsync.ingress.Signatures;
import io.crmsync.ingress.platform.HmacSha256;
import io.crmsync.ingress.platform.MalformedDeliveryException;
import io.crmsync.ingress.platform.ParsedDelivery;
import io.crmsync.ingress.platform.Verdict;
import io.crmsync.ingress.platform.WebhookHeaders;
import io.crmsync.ingress.platform.WebhookRequest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WooCommerceTest {

    private static final Store STORE = new Store("woo", Platform.WOOCOMMERCE, "woo-secret", null, null, Map.of());

    private final WooCommerceSignatureVerifier verifier = new WooCommerceSignatureVerifier();
    private final WooCommerceDeliveryParser parser = new WooCommerceDeliveryParser();

    @Test
    void computesWooCommercesPublishedSignatureVector() {
        JsonNode vector = Fixtures.json("signature_test_vectors.json").get("woocommerce");
        byte[] signature = HmacSha256.sign(HmacSha256.utf8(vector.get("secret").asText()),
                vector.get("body").asText().getBytes(StandardCharsets.UTF_8));
        assertThat(Base64.getEncoder().encodeToString(signature)).isEqualTo(vector.get("expected").asText());
    }

    @Test
    void verifiesTheSignatureHeader() {
        byte[] body = "{\"id\":727}".getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.verify(STORE, request(Map.of("X-WC-Webhook-Signature", Signatures.bodyHmac("woo-secret", body)), body)))
                .isEqualTo(Verdict.VALID);
        assertThat(verifier.verify(STORE, request(Map.of("x-wc-webhook-signature", Signatures.bodyHmac("other", body)), body)))
                .isEqualTo(Verdict.INVALID);
        assertThat(verifier.verify(STORE, request(Map.of(), body))).isEqualTo(Verdict.MISSING);
    }

    @Test
    void recognisesTheUnsignedCreationPingOnly() {
        assertThat(parser.isHandshake(request(Map.of(), "webhook_id=15".getBytes(StandardCharsets.US_ASCII)))).isTrue();
        assertThat(parser.isHandshake(request(Map.of("X-WC-Webhook-Signature", "abc="), "webhook_id=15".getBytes(StandardCharsets.US_ASCII))))
                .isFalse();
        assertThat(parser.isHandshake(request(Map.of(), "{\"id\":727}".getBytes(StandardCharsets.US_ASCII)))).isFalse();
    }

    @Test
    void parsesTheRealOrderWithAnUnstableBodyHashAsDeliveryId() {
        byte[] body = Fixtures.bytes("woocommerce/order_retrieve_v3.json");
        ParsedDelivery parsed = parser.parse(request(Map.of("X-WC-Webhook-Topic", "order.updated",
                "X-WC-Webhook-Delivery-ID", "61"), body));
        assertThat(parsed.objectType()).isEqualTo("order");
        assertThat(parsed.objectId()).isEqualTo("727");
        assertThat(parsed.topic()).isEqualTo("order.updated");
        assertThat(parsed.delivery().stable()).isFalse();
        assertThat(parsed.delivery().id()).startsWith("sha256:");
    }

    @Test
    void mapsResourcesAndRefusesOthers() {
        byte[] body = "{\"id\":25}".getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parse(request(Map.of("X-WC-Webhook-Topic", "customer.created"), body)).objectType()).isEqualTo("customer");
        assertThat(parser.parse(request(Map.of("X-WC-Webhook-Topic", "product.deleted"), body)).objectType()).isEqualTo("product");
        for (String topic : new String[] {"coupon.created", "action.woocommerce_order_refunded", "order", "order."}) {
            assertThatThrownBy(() -> parser.parse(request(Map.of("X-WC-Webhook-Topic", topic), body)))
                    .isInstanceOfSatisfying(MalformedDeliveryException.class,
                            e -> assertThat(e.reason()).isEqualTo(MalformedDeliveryException.Reason.UNKNOWN_TOPIC));
        }
    }

    private static WebhookRequest request(Map<String, String> headers, byte[] body) {
        return new WebhookRequest("woocommerce", "woo", WebhookHeaders.ofSingle(headers), body);
    }
}
