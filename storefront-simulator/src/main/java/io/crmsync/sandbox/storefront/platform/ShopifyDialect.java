package io.crmsync.sandbox.storefront.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmsync.commons.tenant.Platform;
import io.crmsync.commons.tenant.Store;
import io.crmsync.sandbox.storefront.InvalidRequestException;
import io.crmsync.sandbox.storefront.ObjectType;
import io.crmsync.sandbox.storefront.StoredObject;
import io.crmsync.sandbox.storefront.config.SimulatorConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Shopify: {@code updated_at}/{@code created_at} in the shop's offset; webhooks carry the unwrapped
 * resource, signed {@code X-Shopify-Hmac-Sha256 = base64(HMAC-SHA256(secret, body))}, and are retried.
 */
@ApplicationScoped
public class ShopifyDialect implements PlatformDialect {

    private final ObjectMapper mapper;
    private final ZoneId shopZone;
    private final String apiVersion;

    public ShopifyDialect(ObjectMapper mapper, SimulatorConfig config) {
        this.mapper = mapper;
        this.shopZone = ZoneId.of(config.shopify().timezone());
        this.apiVersion = config.shopify().apiVersion();
    }

    @Override
    public Platform platform() {
        return Platform.SHOPIFY;
    }

    public ZoneId shopZone() {
        return shopZone;
    }

    @Override
    public StoredObject stamp(ObjectType type, String id, ObjectNode body, Instant now, StoredObject previous) {
        String stamp = TimeFormats.shopify(now, shopZone);
        body.put("updated_at", stamp);
        if (!body.hasNonNull("created_at")) {
            body.put("created_at", previous != null && previous.body().hasNonNull("created_at")
                    ? previous.body().get("created_at").asText() : stamp);
        }
        Instant createdAt = TimeFormats.parse(body.get("created_at").asText(), shopZone)
                .orElseThrow(() -> new InvalidRequestException("created_at is not a time: " + body.get("created_at").asText()));
        return new StoredObject(id, body, createdAt, TimeFormats.seconds(now), Map.of());
    }

    @Override
    public WebhookEvent event(String storeId, ObjectType type, StoredObject object, boolean created, Instant now) {
        return new WebhookEvent(UUID.randomUUID().toString(), storeId, Platform.SHOPIFY, topic(type, created),
                object.id(), JsonBytes.of(mapper, object.body()), now);
    }

    /** Orders say {@code updated}, customers and products {@code update}: Shopify's own inconsistency. */
    static String topic(ObjectType type, boolean created) {
        return switch (type) {
            case ORDERS -> created ? "orders/create" : "orders/updated";
            case CUSTOMERS -> created ? "customers/create" : "customers/update";
            case PRODUCTS -> created ? "products/create" : "products/update";
        };
    }

    @Override
    public Map<String, String> headers(Store store, WebhookEvent event, String deliveryId, Instant attemptAt) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Shopify-Topic", event.topic());
        headers.put("X-Shopify-Hmac-Sha256", Signatures.hmacSha256Base64(store.webhookSecret(), event.body()));
        headers.put("X-Shopify-Shop-Domain", store.id() + ".myshopify.com");
        headers.put("X-Shopify-API-Version", apiVersion);
        headers.put("X-Shopify-Webhook-Id", deliveryId);
        headers.put("X-Shopify-Event-Id", event.eventId());
        headers.put("X-Shopify-Triggered-At", event.triggeredAt().toString());
        return headers;
    }

    @Override
    public boolean retriesFailedDeliveries() {
        return true;
    }
}
