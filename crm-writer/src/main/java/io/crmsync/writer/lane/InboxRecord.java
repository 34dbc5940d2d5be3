package io.crmsync.writer.lane;

import java.time.Instant;
import java.util.List;

/**
 * One command waiting in {@code write_inbox}: the consumed Kafka record as it was (so a dead letter
 * carries the original bytes and headers) and where it stands on the retry schedule.
 *
 * @param attempts failed attempts so far; the next one is {@code attempts + 1}
 */
public record InboxRecord(long id, String tenant, String kafkaKey, byte[] value, List<RecordHeader> headers,
                          int partition, long offset, Instant receivedAt, int attempts, Instant nextAttemptAt) {

    public InboxRecord {
        headers = List.copyOf(headers);
    }

    /** The last value of a header, as text; null when absent. */
    public String header(String name) {
        String value = null;
        for (RecordHeader h : headers) {
            if (h.name().equals(name)) {
                value = h.text();
            }
        }
        return value;
    }

    /** A Kafka header, its value as the bytes it was. */
    public record RecordHeader(String name, byte[] value) {

        public String text() {
            return value == null ? null : new String(value, java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
