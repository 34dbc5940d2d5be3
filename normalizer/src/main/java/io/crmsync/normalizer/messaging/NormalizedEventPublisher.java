package io.crmsync.normalizer.messaging;

import io.crmsync.commons.messaging.EventEnvelope;
import io.crmsync.normalizer.config.NormalizerConfig;
import io.crmsync.normalizer.mapping.Normalized;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Writes normalized events to {@code commerce.entity.normalized.v1}, continuing the received
 * event's envelope (same tenant and origin, a new id and type) and its trace.
 */
@ApplicationScoped
public class NormalizedEventPublisher {

    private final MutinyEmitter<byte[]> emitter;
    private final NormalizerConfig config;

    public NormalizedEventPublisher(@Channel(Channels.NORMALIZED_OUT) MutinyEmitter<byte[]> emitter, NormalizerConfig config) {
        this.emitter = emitter;
        this.config = config;
    }

    /**
     * @param trace the received record's trace context; the producer span becomes its child, so
     *              the record's {@code traceparent} carries the same trace id
     * @return completes when the broker acknowledged the record ({@code acks=all}), fails when the
     *         producer gave up (its {@code delivery.timeout.ms})
     */
    public Uni<Void> publish(EventEnvelope received, Normalized<?> normalized, byte[] data, Context trace) {
        EventEnvelope envelope = received.next(normalized.type(),
                config.eventSource() + "/" + normalized.source().storeId(),
                normalized.subject(),
                normalized.kafkaKey(received.tenant()));
        Message<byte[]> record = envelope.toMessage(data).addMetadata(TracingMetadata.withCurrent(trace));
        return emitter.sendMessage(record);
    }
}
