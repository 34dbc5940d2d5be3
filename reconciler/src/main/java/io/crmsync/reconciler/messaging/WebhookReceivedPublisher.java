package io.crmsync.reconciler.messaging;

import io.crmsync.commons.messaging.EventEnvelope;
import io.crmsync.contract.EventCodec;
import io.crmsync.contract.EventType;
import io.crmsync.reconciler.config.ReconcilerConfig;
import io.crmsync.reconciler.service.PolledEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.util.List;

/**
 * Publishes polled objects to {@code commerce.webhook.received.v1} in CloudEvents binary mode and
 * returns only when the broker has acknowledged every one of them ({@code acks=all}).
 */
@ApplicationScoped
public class WebhookReceivedPublisher {

    /** Outgoing channel; its topic is configured as {@code mp.messaging.outgoing.webhook-received-out.topic}. */
    public static final String CHANNEL = "webhook-received-out";

    private final MutinyEmitter<byte[]> emitter;
    private final EventCodec codec;
    private final ReconcilerConfig config;

    public WebhookReceivedPublisher(@Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
                                    MutinyEmitter<byte[]> emitter,
                                    EventCodec codec, ReconcilerConfig config) {
        this.emitter = emitter;
        this.codec = codec;
        this.config = config;
    }

    /**
     * @throws io.crmsync.contract.ContractViolationException when an event breaks its schema
     * @throws RuntimeException when the broker did not acknowledge all within the publish timeout
     */
    public void publishAll(List<PolledEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<Uni<Void>> sends = events.stream().map(this::send).toList();
        Uni.join().all(sends).andFailFast().replaceWithVoid().await().atMost(config.publishTimeout());
    }

    private Uni<Void> send(PolledEvent event) {
        byte[] data = codec.encode(EventType.WEBHOOK_RECEIVED, event.data());
        EventEnvelope envelope = event.envelope();
        return emitter.sendMessage(envelope.toMessage(data));
    }
}
