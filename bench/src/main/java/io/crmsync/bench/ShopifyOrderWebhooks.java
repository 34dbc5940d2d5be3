package io.crmsync.bench;

import java.io.IOException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.UUID;

/**
 * Shopify {@code orders/create} deliveries as Shopify sends them: the REST order resource
 * (shape of Admin API 2024-04), padded through its {@code note} to an exact byte size, signed
 * with {@code X-Shopify-Hmac-Sha256} = base64 HMAC-SHA256(raw body, store webhook secret).
 */
public final class ShopifyOrderWebhooks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String storeId;
    private final byte[] secret;
    private final int size;

    public ShopifyOrderWebhooks(String storeId, String webhookSecret, int size) {
        this.storeId = storeId;
        this.secret = webhookSecret.getBytes(StandardCharsets.UTF_8);
        this.size = size;
    }

    /** One delivery of order {@code orderId}, with a fresh event id. */
    public SignedWebhook order(long orderId) {
        byte[] body = body(orderId);
        return new SignedWebhook(body, sign(body), "orders/create", UUID.randomUUID().toString());
    }

    /** The order body, exactly {@code size} bytes (the smallest order is a few hundred bytes). */
    byte[] body(long orderId) {
        ObjectNode order = orderResource(orderId);
        int unpadded = bytes(order).length;
        if (unpadded > size) {
            throw new IllegalArgumentException("--size " + size + " is below the smallest order body (" + unpadded + " B)");
        }
        // The note is plain ASCII, so every added character adds exactly one byte.
        order.put("note", "x".repeat(size - unpadded));
        return bytes(order);
    }

    public String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private ObjectNode orderResource(long orderId) {
        ObjectNode order = JSON.createObjectNode();
        order.put("id", orderId);
        order.put("admin_graphql_api_id", "gid://shopify/Order/" + orderId);
        order.put("name", "#B" + orderId);
        order.put("order_number", orderId % 1_000_000);
        order.put("email", "bench+" + orderId + "@example.com");
        order.put("created_at", "2026-01-15T10:00:00-05:00");
        order.put("updated_at", "2026-01-15T10:00:00-05:00");
        order.put("currency", "USD");
        order.put("financial_status", "paid");
        order.putNull("fulfillment_status");
        order.put("subtotal_price", "59.98");
        order.put("total_tax", "4.80");
        order.put("total_price", "64.78");
        order.put("source_name", "web");
        order.put("tags", "bench");
        order.put("note", "");
        ObjectNode customer = order.putObject("customer");
        customer.put("id", 7_000_000_000L + orderId % 1000);
        customer.put("email", "bench+" + orderId + "@example.com");
        customer.put("first_name", "Bench");
        customer.put("last_name", "Customer");
        customer.put("phone", "+15555550100");
        ObjectNode address = order.putObject("billing_address");
        address.put("address1", "1 Bench Street");
        address.put("city", "Ottawa");
        address.put("province_code", "ON");
        address.put("country_code", "CA");
        address.put("zip", "K2P 1L4");
        ArrayNode lines = order.putArray("line_items");
        for (int line = 1; line <= 2; line++) {
            ObjectNode item = lines.addObject();
            item.put("id", orderId * 10 + line);
            item.put("product_id", 632_910_392L + line);
            item.put("variant_id", 808_950_810L + line);
            item.put("sku", "BENCH-" + line);
            item.put("title", "Bench item " + line);
            item.put("quantity", 1);
            item.put("price", "29.99");
        }
        return order;
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("an in-memory JSON tree always serialises", e);
        }
    }

    public String storeId() {
        return storeId;
    }

    /**
     * One signed delivery.
     *
     * @param body    raw request body
     * @param hmac    value of {@code X-Shopify-Hmac-Sha256}
     * @param topic   value of {@code X-Shopify-Topic}
     * @param eventId value of {@code X-Shopify-Event-Id}, unique per delivery
     */
    public record SignedWebhook(byte[] body, String hmac, String topic, String eventId) {
    }
}
