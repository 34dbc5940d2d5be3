package io.crmsync.writer.messaging;

import io.crmsync.contract.CloudEventHeaders;
import io.crmsync.writer.lane.InboxRecord;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Sends lane commands that failed for good to {@code crm.record.upsert.v1.dlq}: the consumed record
 * as it was (key, value, headers) plus {@code crmsync_error_class} and {@code crmsync_error_message},
 * the same shape the consumer's own dead letters have.
 */
@ApplicationScoped
public class DeadLetterPublisher {

    public static final String CHANNEL = "dead-letters";

    private final MutinyEmitter<byte[]> emitter;

    public DeadLetterPublisher(@Channel(CHANNEL) MutinyEmitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    /** A command to dead-letter, and why. */
    public record DeadLetterRecord(InboxRecord record, String errorClass, String reason) {
    }

    /** Returns once the broker acknowledged all; fails otherwise (the rows then stay and go again). */
    public void publish(List<DeadLetterRecord> deadLetters, Duration timeout) {
        if (deadLetters.isEmpty()) {
            return;
        }
        List<Uni<Void>> acks = deadLetters.stream().map(d -> emitter.sendMessage(toMessage(d))).toList();
        Uni.join().all(acks).andFailFast().await().atMost(timeout);
    }

    private static Message<byte[]> toMessage(DeadLetterRecord deadLetter) {
        RecordHeaders headers = new RecordHeaders();
        deadLetter.record().headers().forEach(h -> headers.add(h.name(), h.value()));
        headers.add(CloudEventHeaders.DLQ_ERROR_CLASS, deadLetter.errorClass().getBytes(StandardCharsets.UTF_8));
        String reason = deadLetter.reason() == null ? deadLetter.errorClass() : deadLetter.reason();
        headers.add(CloudEventHeaders.DLQ_ERROR_MESSAGE,
                (reason.length() <= 1000 ? reason : reason.substring(0, 1000)).getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(deadLetter.record().kafkaKey())
                .withHeaders(headers)
                .build();
        return Message.of(deadLetter.record().value(), Metadata.of(kafka));
    }
}
