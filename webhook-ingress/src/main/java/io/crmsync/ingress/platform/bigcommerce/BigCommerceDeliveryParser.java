package io.crmsync.ingress.platform.bigcommerce;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.commons.tenant.Platform;
import io.crmsync.contract.webhook.Delivery;
import io.crmsync.ingress.platform.DeliveryParser;
import io.crmsync.ingress.platform.JsonBodies;
import io.crmsync.ingress.platform.MalformedDeliveryException;
import io.crmsync.ingress.platform.ParsedDelivery;
import io.crmsync.ingress.platform.WebhookRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Map;

/**
 * BigCommerce deliveries are thin: {@code {"scope":"store/order/created","data":{"type":"order","id":123},...}}.
 * The scope's resource names the object; the normalizer fetches the object itself.
 */
@ApplicationScoped
public class BigCommerceDeliveryParser implements DeliveryParser {

    /**
     * Resource (second word of the scope) to canonical object type. Refund scopes
     * ({@code store/order/refund/created}) carry the order's id and change the order's status, so
     * they stay order events.
     */
    static final Map<String, String> OBJECT_TYPES = Map.of(
            "order", "order",
            "customer", "customer",
            "product", "product",
            "shipment", "fulfillment");

    @Override
    public Platform platform() {
        return Platform.BIGCOMMERCE;
    }

    @Override
    public ParsedDelivery parse(WebhookRequest request) {
        JsonNode body = JsonBodies.object(request.body());
        String scope = body.path("scope").asText("");
        String[] words = scope.split("/");
        String objectType = words.length >= 3 && words[0].equals("store") ? OBJECT_TYPES.get(words[1]) : null;
        if (objectType == null) {
            throw new MalformedDeliveryException(MalformedDeliveryException.Reason.UNKNOWN_TOPIC,
                    scope.isEmpty() ? "no scope" : "unsupported scope " + scope);
        }
        String objectId = JsonBodies.requireId(body.path("data").get("id"), "data.id");
        // The signature check already required webhook-id; Standard Webhooks repeats it on redelivery.
        String deliveryId = request.headers().first(StandardWebhooksHeaders.ID).orElseThrow(() ->
                new MalformedDeliveryException(MalformedDeliveryException.Reason.MALFORMED_BODY, "no webhook-id"));
        JsonNode createdAt = body.get("created_at");
        Instant triggeredAt = createdAt != null && createdAt.isIntegralNumber() ? Instant.ofEpochSecond(createdAt.asLong()) : null;
        return new ParsedDelivery(scope, objectType, objectId, new Delivery(deliveryId, true, triggeredAt), body);
    }
}
