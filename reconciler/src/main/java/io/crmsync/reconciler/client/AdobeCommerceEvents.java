package io.crmsync.reconciler.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns an object read from Adobe Commerce's REST API into the Adobe I/O Events delivery the
 * normalizer maps (the envelope webhook-ingress stores): {@code type} {@code com.adobe.commerce.observer.<event>},
 * the entity in {@code data.value}. The REST shapes are the models' fields with one exception: an
 * order's addresses are {@code billing_address} and the shipping assignments' addresses, where the
 * model (and so the event) has one {@code addresses[]} list with {@code address_type}.
 */
final class AdobeCommerceEvents {

    static final String TYPE_PREFIX = "com.adobe.commerce.";
    /** Magento writes times as {@code 2026-03-01 10:15:30}, in UTC. */
    static final DateTimeFormatter ADOBE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private AdobeCommerceEvents() {
    }

    /** The envelope of one polled object; its id equals the delivery id, stable for one version of the object. */
    static ObjectNode envelope(String storeId, String eventType, String deliveryId, Instant updatedAt, JsonNode object,
                               boolean order) {
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        envelope.put("specversion", "1.0");
        envelope.put("type", eventType);
        envelope.put("source", "urn:crmsync:reconciler:" + storeId);
        envelope.put("id", deliveryId);
        envelope.put("time", DateTimeFormatter.ISO_INSTANT.format(updatedAt));
        envelope.put("datacontenttype", "application/json");
        envelope.putObject("data").set("value", order ? withAddresses(object) : object);
        return envelope;
    }

    /** The order with {@code addresses[]} as its model has it, built from the REST fields when absent. */
    static JsonNode withAddresses(JsonNode order) {
        if (!order.isObject() || order.has("addresses")) {
            return order;
        }
        ObjectNode copy = order.deepCopy();
        ArrayNode addresses = copy.putArray("addresses");
        add(addresses, order.get("billing_address"), "billing");
        for (JsonNode assignment : order.path("extension_attributes").path("shipping_assignments")) {
            add(addresses, assignment.path("shipping").get("address"), "shipping");
        }
        return copy;
    }

    private static void add(ArrayNode addresses, JsonNode address, String type) {
        if (address instanceof ObjectNode object) {
            ObjectNode copy = object.deepCopy();
            if (!copy.hasNonNull("address_type")) {
                copy.put("address_type", type);
            }
            addresses.add(copy);
        }
    }

    /** Adobe's {@code yyyy-MM-dd HH:mm:ss} (UTC); an ISO 8601 time with offset is read too. */
    static Optional<Instant> instant(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(text.trim(), ADOBE_TIME).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(OffsetDateTime.parse(text.trim()).toInstant());
            } catch (DateTimeParseException notIso) {
                return Optional.empty();
            }
        }
    }

    static String format(Instant instant) {
        return ADOBE_TIME.format(instant.atZone(ZoneOffset.UTC));
    }
}
