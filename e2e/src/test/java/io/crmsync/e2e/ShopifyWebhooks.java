package io.crmsync.e2e;

import io.restassured.response.Response;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Posts webhooks to the ingress as Shopify delivers them: raw body, base64 HMAC-SHA256 header. */
final class ShopifyWebhooks {

    private final String ingressUrl;

    ShopifyWebhooks(String ingressUrl) {
        this.ingressUrl = ingressUrl;
    }

    Response post(String storeId, String topic, String body, String secret, String eventId) {
        return given().baseUri(ingressUrl)
                .contentType("application/json")
                .header("X-Shopify-Topic", topic)
                .header("X-Shopify-Hmac-Sha256", hmac(secret, body))
                .header("X-Shopify-Shop-Domain", storeId + ".myshopify.com")
                .header("X-Shopify-API-Version", "2024-04")
                .header("X-Shopify-Webhook-Id", UUID.randomUUID().toString())
                .header("X-Shopify-Event-Id", eventId)
                .header("X-Shopify-Triggered-At", Instant.now().toString())
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/webhooks/shopify/" + storeId);
    }

    static String hmac(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
