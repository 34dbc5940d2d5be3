package io.crmsync.commons.messaging;

import io.crmsync.contract.CloudEventHeaders;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;

/**
 * Sends a consumed record to its channel's dead-letter topic (failure strategy
 * {@code dead-letter-queue}) with the original bytes and an error class header, so operators can
 * count, filter and replay dead letters by class.
 */
public final class DeadLetters {

    private DeadLetters() {
    }

    public static CompletionStage<Void> nack(Message<?> message, String errorClass, Throwable cause) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.DLQ_ERROR_CLASS, errorClass.getBytes(StandardCharsets.UTF_8));
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        headers.add(CloudEventHeaders.DLQ_ERROR_MESSAGE, truncate(reason).getBytes(StandardCharsets.UTF_8));
        return message.nack(cause, Metadata.of(OutgoingKafkaRecordMetadata.builder().withHeaders(headers).build()));
    }

    private static String truncate(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
