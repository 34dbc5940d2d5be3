package io.crmsync.ingress.platform.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.commons.tenant.Platform;
import io.crmsync.contract.webhook.Delivery;
import io.crmsync.ingress.platform.BodyHash;
import io.crmsync.ingress.platform.DeliveryParser;
import io.crmsync.ingress.platform.JsonBodies;
import io.crmsync.ingress.platform.MalformedDeliveryException;
import io.crmsync.ingress.platform.ParsedDelivery;
import io.crmsync.ingress.platform.WebhookHeaders;
import io.crmsync.ingress.platform.WebhookRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * Shopify deliveries: the topic header names the object type, the body is the REST resource
 * (unwrapped), its {@code id} the object id.
 */
@ApplicationScoped
public class ShopifyDeliveryParser implements DeliveryParser {

    /** The topics this pipeline subscribes to, and the canonical object each one carries. */
    static final Map<String, String> OBJECT_TYPES = Map.ofEntries(
            Map.entry("orders/create", "order"),
            Map.entry("orders/updated", "order"),
            Map.entry("orders/paid", "order"),
            Map.entry("orders/cancelled", "order"),
            Map.entry("orders/fulfilled", "order"),
            Map.entry("orders/partially_fulfilled", "order"),
            Map.entry("customers/create", "customer"),
            Map.entry("customers/update", "customer"),
            Map.entry("products/create", "product"),
            Map.entry("products/update", "product"),
            Map.entry("refunds/create", "refund"),
            Map.entry("fulfillments/create", "fulfillment"),
            Map.entry("fulfillments/update", "fulfillment"));

    @Override
    public Platform platform() {
        return Platform.SHOPIFY;
    }

    @Override
    public ParsedDelivery parse(WebhookRequest request) {
        WebhookHeaders headers = request.headers();
        String topic = headers.first(ShopifyHeaders.TOPIC).orElseThrow(() ->
                new MalformedDeliveryException(MalformedDeliveryException.Reason.UNKNOWN_TOPIC, "no topic header"));
        String objectType = OBJECT_TYPES.get(topic);
        if (objectType == null) {
            throw new MalformedDeliveryException(MalformedDeliveryException.Reason.UNKNOWN_TOPIC, "unsupported topic " + topic);
        }
        JsonNode body = JsonBodies.object(request.body());
        String objectId = JsonBodies.requireId(body.get("id"), "id");
        return new ParsedDelivery(topic, objectType, objectId, delivery(headers, request.body()), body);
    }

    private static Delivery delivery(WebhookHeaders headers, byte[] body) {
        Instant triggeredAt = headers.first(ShopifyHeaders.TRIGGERED_AT).flatMap(ShopifyDeliveryParser::instant).orElse(null);
        // Both ids repeat on Shopify's retries; the event id also spans the several webhooks of one event.
        return headers.first(ShopifyHeaders.EVENT_ID)
                .or(() -> headers.first(ShopifyHeaders.WEBHOOK_ID))
                .map(id -> new Delivery(id, true, triggeredAt))
                .orElseGet(() -> new Delivery(BodyHash.of(body), false, triggeredAt));
    }

    /** Shopify writes UTC with nanoseconds ({@code 2024-01-02T03:04:05.123456789Z}); accept any offset. */
    static Optional<Instant> instant(String value) {
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
