package io.crmsync.writer.messaging;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DeadLetterHeadersTest {

    @Test
    void aReplayKeepsTheCommandsHeadersAndDropsWhatDescribesTheDeadLettering() {
        byte[] traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01".getBytes(StandardCharsets.UTF_8);
        List<Header> deadLetter = List.of(
                header("dead-letter-reason", "HTTP 503"),
                header("dead-letter-topic", "crm.record.upsert.v1"),
                header("dead-letter-offset", "7"),
                header("ce_id", "e-1"),
                header("ce_type", "crm.contact.upsert.v1"),
                header("ce_tenant", "acme"),
                header("ce_origin", "webhook"),
                new RecordHeader("traceparent", traceparent),
                header("crmsync_error_class", "retryable-exhausted"),
                header("crmsync_error_message", "HTTP 503"));

        List<Header> replay = DeadLetterHeaders.forReplay(deadLetter, "r-1");

        assertThat(replay).extracting(Header::key, h -> new String(h.value(), StandardCharsets.UTF_8)).containsExactly(
                tuple("ce_id", "e-1"),
                tuple("ce_type", "crm.contact.upsert.v1"),
                tuple("ce_tenant", "acme"),
                tuple("traceparent", new String(traceparent, StandardCharsets.UTF_8)),
                tuple("ce_origin", "replay"),
                tuple("crmsync_replay_id", "r-1"));
    }

    @Test
    void aDeadLetterThatWasReplayedBeforeCarriesOnlyTheNewReplayId() {
        List<Header> deadLetter = List.of(header("ce_origin", "replay"), header("crmsync_replay_id", "r-old"),
                header("crmsync_error_class", "validation"));

        assertThat(DeadLetterHeaders.forReplay(deadLetter, "r-new"))
                .extracting(Header::key, h -> new String(h.value(), StandardCharsets.UTF_8))
                .containsExactly(tuple("ce_origin", "replay"), tuple("crmsync_replay_id", "r-new"));
    }

    private static Header header(String key, String value) {
        return new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
