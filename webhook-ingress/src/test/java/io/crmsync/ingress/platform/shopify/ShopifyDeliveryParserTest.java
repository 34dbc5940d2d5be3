package io.crmsync.ingress.platform.shopify;

import io.crmsync.contract.webhook.Delivery;
import io.crmsync.ingress.Fixtures;
import io.crmsync.ingress.platform.MalformedDeliveryException;
import io.crmsync.ingress.platform.ParsedDelivery;
import io.crmsync.ingress.platform.WebhookHeaders;
import io.crmsync.ingress.platform.WebhookRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShopifyDeliveryParserTest {

    private final ShopifyDeliveryParser parser = new ShopifyDeliveryParser();

    @ParameterizedTest
    @CsvSource({
            "orders/create, order", "orders/updated, order", "orders/paid, order", "orders/cancelled, order",
            "orders/fulfilled, order", "orders/partially_fulfilled, order",
            "customers/create, customer", "customers/update, customer",
            "products/create, product", "products/update, product",
            "refunds/create, refund", "fulfillments/create, fulfillment", "fulfillments/update, fulfillment"})
    void mapsEachSubscribedTopicToItsCanonicalObject(String topic, String objectType) {
        ParsedDelivery parsed = parser.parse(request(Map.of("X-Shopify-Topic", topic, "X-Shopify-Event-Id", "e1"), "{\"id\":7}"));
        assertThat(parsed.topic()).isEqualTo(topic);
        assertThat(parsed.objectType()).isEqualTo(objectType);
        assertThat(parsed.objectId()).isEqualTo("7");
    }

    @Test
    void readsTheRealOrderFixture() {
        byte[] body = Fixtures.unwrapped("shopify/rest_2024-04_order_find__test_8.json", "order");
        ParsedDelivery parsed = parser.parse(new WebhookRequest("shopify", "s1", WebhookHeaders.ofSingle(Map.of(
                "X-Shopify-Topic", "orders/updated",
                "X-Shopify-Event-Id", "98880550-7158-44d4-b7cd-2c97c8a091b5",
                "X-Shopify-Webhook-Id", "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043",
                "X-Shopify-Triggered-At", "2023-03-29T18:00:27.877041743Z")), body));
        assertThat(parsed.objectId()).isEqualTo("450789469");
        assertThat(parsed.payload().get("contact_email").asText()).isEqualTo("bob.norman@mail.example.com");
        assertThat(parsed.delivery()).isEqualTo(new Delivery("98880550-7158-44d4-b7cd-2c97c8a091b5", true,
                Instant.parse("2023-03-29T18:00:27.877041743Z")));
    }

    @Test
    void fallsBackToTheWebhookIdThenToAnUnstableBodyHash() {
        ParsedDelivery byWebhookId = parser.parse(request(Map.of("shopify-topic", "orders/paid", "shopify-webhook-id", "w-1"), "{\"id\":7}"));
        assertThat(byWebhookId.delivery()).isEqualTo(new Delivery("w-1", true, null));

        ParsedDelivery byHash = parser.parse(request(Map.of("X-Shopify-Topic", "orders/paid"), "{\"id\":7}"));
        assertThat(byHash.delivery().stable()).isFalse();
        assertThat(byHash.delivery().id()).startsWith("sha256:");
        assertThat(parser.parse(request(Map.of("X-Shopify-Topic", "orders/paid"), "{\"id\":7}")).delivery().id())
                .isEqualTo(byHash.delivery().id());
    }

    @Test
    void acceptsTriggeredAtWithAnOffsetAndIgnoresAnUnreadableOne() {
        Map<String, String> headers = new HashMap<>(Map.of("X-Shopify-Topic", "orders/paid", "X-Shopify-Event-Id", "e1"));
        headers.put("X-Shopify-Triggered-At", "2024-05-01T10:00:00+02:00");
        assertThat(parser.parse(request(headers, "{\"id\":7}")).delivery().triggeredAt()).isEqualTo(Instant.parse("2024-05-01T08:00:00Z"));
        headers.put("X-Shopify-Triggered-At", "yesterday");
        assertThat(parser.parse(request(headers, "{\"id\":7}")).delivery().triggeredAt()).isNull();
    }

    @Test
    void refusesUnknownTopicsMissingIdsAndNonJson() {
        assertReason(Map.of("X-Shopify-Topic", "app/uninstalled"), "{\"id\":7}", MalformedDeliveryException.Reason.UNKNOWN_TOPIC);
        assertReason(Map.of(), "{\"id\":7}", MalformedDeliveryException.Reason.UNKNOWN_TOPIC);
        assertReason(Map.of("X-Shopify-Topic", "orders/create"), "{\"name\":\"#1001\"}", MalformedDeliveryException.Reason.MISSING_ID);
        assertReason(Map.of("X-Shopify-Topic", "orders/create"), "{\"id\":null}", MalformedDeliveryException.Reason.MISSING_ID);
        assertReason(Map.of("X-Shopify-Topic", "orders/create"), "{\"id\":\" \"}", MalformedDeliveryException.Reason.MISSING_ID);
        assertReason(Map.of("X-Shopify-Topic", "orders/create"), "{\"id\":7", MalformedDeliveryException.Reason.MALFORMED_BODY);
        assertReason(Map.of("X-Shopify-Topic", "orders/create"), "{\"id\":7} trailing", MalformedDeliveryException.Reason.MALFORMED_BODY);
        assertReason(Map.of("X-Shopify-Topic", "orders/create"), "[{\"id\":7}]", MalformedDeliveryException.Reason.MALFORMED_BODY);
        assertReason(Map.of("X-Shopify-Topic", "orders/create"), "", MalformedDeliveryException.Reason.MALFORMED_BODY);
    }

    private void assertReason(Map<String, String> headers, String body, MalformedDeliveryException.Reason reason) {
        assertThatThrownBy(() -> parser.parse(request(headers, body)))
                .isInstanceOfSatisfying(MalformedDeliveryException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static WebhookRequest request(Map<String, String> headers, String body) {
        return new WebhookRequest("shopify", "s1", WebhookHeaders.ofSingle(headers), body.getBytes(StandardCharsets.UTF_8));
    }
}
