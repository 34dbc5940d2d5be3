package io.crmsync.ingress.messaging;

import io.crmsync.commons.messaging.EventEnvelope;
import io.crmsync.contract.EventCodec;
import io.crmsync.contract.EventType;
import io.crmsync.contract.Origin;
import io.crmsync.contract.webhook.WebhookReceived;
import io.crmsync.ingress.config.IngressConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

import java.time.Duration;

/**
 * Publishes {@code commerce.webhook.received.v1} events. The returned {@link Uni} completes only
 * when the broker acknowledged the record ({@code acks=all}); it fails when that did not happen
 * within the acknowledgement budget.
 */
@ApplicationScoped
public class WebhookPublisher {

    /** Topic name is config: {@code mp.messaging.outgoing.webhooks-received.topic}. */
    public static final String CHANNEL = "webhooks-received";

    private final MutinyEmitter<byte[]> emitter;
    private final EventCodec codec;
    private final Duration ackTimeout;

    public WebhookPublisher(@Channel(CHANNEL) MutinyEmitter<byte[]> emitter, EventCodec codec, IngressConfig config) {
        this.emitter = emitter;
        this.codec = codec;
        this.ackTimeout = config.ackTimeout();
    }

    /**
     * Encodes (validating against the schema, so a {@code ContractViolationException} is thrown
     * before anything is sent) and sends; the item is the envelope that was written.
     */
    public Uni<EventEnvelope> publish(String tenant, WebhookReceived event) {
        byte[] data = codec.encode(EventType.WEBHOOK_RECEIVED, event);
        String subject = event.objectType() + "/" + event.objectId();
        // One partition per object keeps its events in order for the normalizer.
        String key = tenant + "/" + event.storeId() + "/" + subject;
        // A delivery id the platform repeats on redelivery travels on as ce_deliveryid, so the
        // dedup-service can drop the redelivery by it; a body hash (WooCommerce) does not.
        EventEnvelope envelope = EventEnvelope.create(EventType.WEBHOOK_RECEIVED, "/stores/" + event.storeId(), subject,
                tenant, Origin.WEBHOOK, key).withDeliveryId(event.delivery().stable() ? event.delivery().id() : null);
        return emitter.sendMessage(envelope.toMessage(data))
                .ifNoItem().after(ackTimeout).fail()
                .replaceWith(envelope);
    }
}
