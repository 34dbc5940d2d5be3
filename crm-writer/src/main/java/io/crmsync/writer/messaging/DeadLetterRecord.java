package io.crmsync.writer.messaging;

import io.crmsync.contract.CloudEventHeaders;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * One record of the DLQ topic as it was read: the original key, value and headers of the command
 * plus the headers that say why it was dead-lettered. Bytes are kept as they are, so a replay
 * publishes exactly what was consumed.
 */
public record DeadLetterRecord(int partition, long offset, Instant timestamp, byte[] key, byte[] value,
                               List<Header> headers) {

    public DeadLetterPosition position() {
        return new DeadLetterPosition(partition, offset);
    }

    /** The last value of a header as UTF-8, or null. */
    public String header(String name) {
        String value = null;
        for (Header header : headers) {
            if (header.key().equals(name)) {
                value = header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
            }
        }
        return value;
    }

    public String keyText() {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }

    public String tenant() {
        return header(CloudEventHeaders.TENANT);
    }

    public String errorClass() {
        return header(CloudEventHeaders.DLQ_ERROR_CLASS);
    }
}
