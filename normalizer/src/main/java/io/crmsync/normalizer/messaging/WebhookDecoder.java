package io.crmsync.normalizer.messaging;

import io.crmsync.commons.messaging.EventEnvelope;
import io.crmsync.contract.ContractViolationException;
import io.crmsync.contract.EventCodec;
import io.crmsync.contract.EventType;
import io.crmsync.contract.webhook.WebhookReceived;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Decodes a {@code commerce.webhook.received.v1} record: checks its {@code ce_type}, validates
 * and binds it with the contract's codec (which keeps every JSON number exact, so money never
 * passes through a double).
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
        return codec.decode(EventType.WEBHOOK_RECEIVED, data);
    }
}
