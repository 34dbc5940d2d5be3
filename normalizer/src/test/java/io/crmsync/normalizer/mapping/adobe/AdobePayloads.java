package io.crmsync.normalizer.mapping.adobe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmsync.contract.EventCodec;
import io.crmsync.contract.webhook.Delivery;
import io.crmsync.contract.webhook.WebhookReceived;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Our own Adobe I/O Events envelopes in {@code src/test/resources/adobe}, written from Adobe's
 * documented event shape (CloudEvents envelope, Magento model data in {@code data.value}), and the
 * {@link WebhookReceived} records webhook-ingress makes of them. Each call returns a fresh copy.
 */
final class AdobePayloads {

    static final String STORE = "acme-adobe";

    private AdobePayloads() {
    }

    /** Guest order 42 (processing, EUR), B2B billing with a VAT id, a configurable item and its child. */
    static ObjectNode order() {
        return load("/adobe/order-guest-b2b-de.json");
    }

    /** Customer 77 with two addresses, the default billing one naming a company; subscribed to the newsletter. */
    static ObjectNode customer() {
        return load("/adobe/customer-fr.json");
    }

    /** Credit memo 9 of order 42. */
    static ObjectNode creditMemo() {
        return load("/adobe/creditmemo.json");
    }

    /** Shipment 15 of order 42 with two DHL tracks; no {@code updated_at}. */
    static ObjectNode shipment() {
        return load("/adobe/shipment.json");
    }

    /** The entity of an envelope, to change in a test. */
    static ObjectNode value(ObjectNode envelope) {
        return (ObjectNode) envelope.get("data").get("value");
    }

    /** An envelope as Adobe I/O Events delivers it around a {@code data.value}. */
    static ObjectNode envelope(String type, JsonNode value) {
        ObjectNode envelope = JsonNodeFactory.instance.objectNode()
                .put("specversion", "1.0")
                .put("id", "7a1d3c55-0b8e-4f6c-9d2a-1e4f5a6b7c8d")
                .put("type", type)
                .put("time", "2026-03-01T12:00:00.000Z");
        envelope.putObject("data").put("key", "k-1").set("value", value.deepCopy());
        return envelope;
    }

    /** The record webhook-ingress publishes for an envelope: topic = the CloudEvent type. */
    static WebhookReceived received(ObjectNode envelope, String objectType) {
        return new WebhookReceived("adobe-commerce", STORE, envelope.get("type").asText(), objectType, "1",
                new Delivery(envelope.get("id").asText(), true, null), Instant.parse("2026-03-01T12:00:01Z"), envelope);
    }

    static AdobeEvent event(ObjectNode envelope) {
        return AdobeEvent.of(received(envelope, "order"));
    }

    private static ObjectNode load(String resource) {
        try (InputStream in = AdobePayloads.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the test class path");
            }
            return (ObjectNode) EventCodec.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
