package io.crmsync.normalizer.mapping.adobe;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.contract.webhook.WebhookReceived;
import io.crmsync.normalizer.mapping.MappingException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * One Adobe I/O Events delivery of an Adobe Commerce event, unwrapped: the event name without its
 * {@code com.adobe.commerce.} prefix, the entity ({@code data.value}) and the CloudEvent's
 * {@code time}, which is the fallback of an entity without {@code updated_at}.
 *
 * @param name  e.g. {@code observer.sales_order_save_after}
 * @param value the Magento model's subscribed fields
 * @param time  when Adobe says the event happened; null when the envelope does not say
 */
record AdobeEvent(String name, JsonNode value, Instant time) {

    static final String TYPE_PREFIX = "com.adobe.commerce.";

    /** The envelope webhook-ingress stored as the payload; its {@code topic} is the CloudEvent type. */
    static AdobeEvent of(WebhookReceived received) {
        String type = received.topic();
        if (type == null || !type.startsWith(TYPE_PREFIX)) {
            throw new MappingException("adobe-commerce topic is not a com.adobe.commerce.* event type");
        }
        JsonNode envelope = received.payload();
        if (envelope == null || !envelope.isObject()) {
            throw new MappingException("adobe-commerce payload of " + type + " is not a JSON object");
        }
        JsonNode value = envelope.path("data").path("value");
        if (!value.isObject()) {
            throw new MappingException("adobe-commerce payload of " + type + " has no object at 'data.value'");
        }
        return new AdobeEvent(type.substring(TYPE_PREFIX.length()), value, time(envelope));
    }

    private static Instant time(JsonNode envelope) {
        JsonNode time = envelope.get("time");
        if (time == null || !time.isTextual() || time.asText().isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(time.asText().trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new MappingException("envelope field 'time' is not an RFC 3339 timestamp", e);
        }
    }
}
