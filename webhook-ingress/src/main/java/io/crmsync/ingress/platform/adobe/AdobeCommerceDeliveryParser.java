package io.crmsync.ingress.platform.adobe;

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
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Adobe Commerce events as Adobe I/O Events delivers them: one CloudEvents JSON envelope per
 * request ({@code type} {@code com.adobe.commerce.observer.<event>}, {@code id}, {@code time}) with
 * the entity in {@code data.value}. Registrations must use single (not batch) delivery.
 */
@ApplicationScoped
public class AdobeCommerceDeliveryParser implements DeliveryParser {

    private static final String TYPE_PREFIX = "com.adobe.commerce.";

    /**
     * Event name prefixes (after {@code com.adobe.commerce.}) to canonical object type and the
     * {@code data.value} fields holding its id, first present wins. More specific prefixes first:
     * an invoice belongs to its order ({@code order_id}); shipments and credit memos are
     * fulfillments and refunds of their own. Products may carry only their {@code sku}.
     */
    static final List<Mapping> MAPPINGS = List.of(
            new Mapping("observer.sales_order_shipment_", "fulfillment", List.of("entity_id", "id")),
            new Mapping("observer.sales_order_creditmemo_", "refund", List.of("entity_id", "id")),
            new Mapping("observer.sales_order_invoice_", "order", List.of("order_id")),
            new Mapping("observer.sales_order_", "order", List.of("entity_id", "id")),
            new Mapping("observer.customer_", "customer", List.of("entity_id", "id")),
            new Mapping("observer.catalog_product_", "product", List.of("entity_id", "id", "sku")));

    /** One row of the event-name table. */
    record Mapping(String eventPrefix, String objectType, List<String> idFields) {
    }

    @Override
    public Platform platform() {
        return Platform.ADOBE_COMMERCE;
    }

    @Override
    public ParsedDelivery parse(WebhookRequest request) {
        JsonNode envelope = JsonBodies.object(request.body());
        String type = envelope.path("type").asText("");
        String event = type.startsWith(TYPE_PREFIX) ? type.substring(TYPE_PREFIX.length()) : "";
        Mapping mapping = MAPPINGS.stream().filter(m -> event.startsWith(m.eventPrefix())).findFirst().orElseThrow(() ->
                new MalformedDeliveryException(MalformedDeliveryException.Reason.UNKNOWN_TOPIC, "unsupported event type"));
        JsonNode value = envelope.path("data").path("value");
        String objectId = mapping.idFields().stream()
                .map(field -> JsonBodies.id(value.get(field)))
                .flatMap(Optional::stream)
                .findFirst()
                .orElseThrow(() -> new MalformedDeliveryException(MalformedDeliveryException.Reason.MISSING_ID,
                        "no object id at data.value." + String.join("|", mapping.idFields())));
        // The CloudEvent id is the same on every redelivery of the event: a stable delivery id.
        String deliveryId = JsonBodies.requireId(envelope.get("id"), "id");
        Instant time = instant(envelope.path("time").asText("")).orElse(null);
        return new ParsedDelivery(type, mapping.objectType(), objectId, new Delivery(deliveryId, true, time), envelope);
    }

    private static Optional<Instant> instant(String value) {
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
