package io.crmsync.ingress.rest;

import io.crmsync.contract.EventCodec;
import io.crmsync.contract.EventType;
import io.crmsync.contract.webhook.WebhookReceived;
import io.crmsync.ingress.Signatures;
import io.crmsync.testkit.TestTenants;
import io.crmsync.testkit.TopicProbe;
import io.restassured.response.ValidatableResponse;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Builds and posts webhook deliveries the way each platform sends them. */
final class Deliveries {

    static final String TOPIC = "commerce.webhook.received.v1";
    static final String SHOPIFY_ORDER = "shopify/rest_2024-04_order_find__test_8.json";
    private static final EventCodec CODEC = new EventCodec();

    private Deliveries() {
    }

    /** Shopify's classic headers for one {@code orders/create} delivery, signed with the test store's secret. */
    static Map<String, String> shopifyHeaders(byte[] body, String eventId) {
        return shopifyHeaders(body, eventId, TestTenants.ACME_SHOPIFY_SECRET);
    }

    static Map<String, String> shopifyHeaders(byte[] body, String eventId, String secret) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Shopify-Topic", "orders/create");
        headers.put("X-Shopify-Hmac-Sha256", Signatures.bodyHmac(secret, body));
        headers.put("X-Shopify-Shop-Domain", "acme.myshopify.com");
        headers.put("X-Shopify-API-Version", "2024-04");
        headers.put("X-Shopify-Webhook-Id", UUID.randomUUID().toString());
        headers.put("X-Shopify-Event-Id", eventId);
        headers.put("X-Shopify-Triggered-At", Instant.now().toString());
        return headers;
    }

    static ValidatableResponse post(String platform, String storeId, Map<String, String> headers, byte[] body) {
        return given().contentType("application/json").headers(headers).body(body)
                .when().post("/webhooks/{platform}/{storeId}", platform, storeId)
                .then();
    }

    /** A form-encoded body, as WooCommerce's set-up ping sends it. */
    static ValidatableResponse postForm(String platform, String storeId, String form) {
        return given().contentType("application/x-www-form-urlencoded").body(form)
                .when().post("/webhooks/{platform}/{storeId}", platform, storeId)
                .then();
    }

    static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String newEventId() {
        return UUID.randomUUID().toString();
    }

    static WebhookReceived decode(TopicProbe.Received record) {
        return CODEC.decode(EventType.WEBHOOK_RECEIVED, record.value());
    }
}
