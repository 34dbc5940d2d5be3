package io.crmsync.normalizer.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.commons.messaging.EventEnvelope;
import io.crmsync.contract.ContractViolationException;
import io.crmsync.contract.EventCodec;
import io.crmsync.contract.EventType;
import io.crmsync.contract.webhook.WebhookReceived;
import io.crmsync.normalizer.mapping.ExactJson;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Decodes a {@code commerce.webhook.received.v1} record: checks its {@code ce_type}, validates
 * and binds it with the contract's codec, then re-reads the platform payload with exact decimals
 * (the codec's mapper reads JSON numbers as doubles, which money must never pass through).
 */
@ApplicationScoped
public class WebhookDecoder {

    private final EventCodec codec;

    public WebhookDecoder(EventCodec codec) {
        this.codec = codec;
    }

    /** @throws ContractViolationException when the record is not a valid WebhookReceived event */
    public WebhookReceived decode(EventEnvelope envelope, byte[] data) {
        if (!EventType.WEBHOOK_RECEIVED.name().equals(envelope.type())) {
            throw new ContractViolationException("ce_type " + envelope.type() + " is not " + EventType.WEBHOOK_RECEIVED.name());
        }
        if (data == null) {
            throw new ContractViolationException("record has no value");
        }
        WebhookReceived event = codec.decode(EventType.WEBHOOK_RECEIVED, data);
        JsonNode exactPayload = ExactJson.read(data).get("payload");
        return new WebhookReceived(event.platform(), event.storeId(), event.topic(), event.objectType(), event.objectId(),
                event.delivery(), event.receivedAt(), exactPayload);
    }
}
