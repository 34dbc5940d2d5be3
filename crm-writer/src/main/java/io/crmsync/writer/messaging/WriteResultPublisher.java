package io.crmsync.writer.messaging;

import io.crmsync.commons.messaging.EventEnvelope;
import io.crmsync.contract.EventCodec;
import io.crmsync.contract.EventType;
import io.crmsync.contract.Origin;
import io.crmsync.contract.result.CrmWriteResult;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

import java.time.Duration;
import java.util.List;

/** Publishes {@code crm.write.result.v1}, keyed by record like the commands. */
@ApplicationScoped
public class WriteResultPublisher {

    public static final String CHANNEL = "write-results";

    private final MutinyEmitter<byte[]> emitter;
    private final EventCodec codec;

    public WriteResultPublisher(@Channel(CHANNEL) MutinyEmitter<byte[]> emitter, EventCodec codec) {
        this.emitter = emitter;
        this.codec = codec;
    }

    /** A result and the origin of the command it settles ({@code ce_origin} carries on). */
    public record Outgoing(CrmWriteResult result, Origin origin) {
    }

    /** Returns once the broker acknowledged all; fails otherwise. */
    public void publish(List<Outgoing> results, Duration timeout) {
        if (results.isEmpty()) {
            return;
        }
        List<Uni<Void>> acks = results.stream().map(o -> {
            CrmWriteResult r = o.result();
            EventEnvelope envelope = EventEnvelope.create(EventType.WRITE_RESULT, "/crm-writer", r.recordKey(),
                    r.tenant(), o.origin(), r.kafkaKey());
            return emitter.sendMessage(envelope.toMessage(codec.encode(EventType.WRITE_RESULT, r)));
        }).toList();
        Uni.join().all(acks).andFailFast().await().atMost(timeout);
    }
}
