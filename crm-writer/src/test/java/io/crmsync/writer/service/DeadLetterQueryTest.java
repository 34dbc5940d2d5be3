package io.crmsync.writer.service;

import io.crmsync.writer.messaging.DeadLetterRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterQueryTest {

    private static final Instant FROM = Instant.parse("2026-01-05T10:00:00Z");
    private static final Instant TO = Instant.parse("2026-01-05T11:00:00Z");

    @Test
    void matchesTheTenantsDeadLettersOfTheClassStampedFromFromUntilBeforeTo() {
        DeadLetterQuery query = new DeadLetterQuery("acme", FROM, TO, "validation");

        assertThat(query.matches(deadLetter("acme", "validation", FROM))).isTrue();
        assertThat(query.matches(deadLetter("acme", "validation", TO.minusMillis(1)))).isTrue();
        assertThat(query.matches(deadLetter("acme", "validation", TO))).isFalse();
        assertThat(query.matches(deadLetter("acme", "validation", FROM.minusMillis(1)))).isFalse();
        assertThat(query.matches(deadLetter("acme", "auth", FROM))).isFalse();
        assertThat(query.matches(deadLetter("globex", "validation", FROM))).isFalse();
        assertThat(query.matches(deadLetter(null, "validation", FROM))).isFalse();
    }

    @Test
    void withoutClassOrRangeEveryDeadLetterOfTheTenantMatches() {
        DeadLetterQuery query = new DeadLetterQuery("acme", null, null, null);

        assertThat(query.matches(deadLetter("acme", "auth", Instant.EPOCH))).isTrue();
        assertThat(query.matches(deadLetter("acme", null, TO))).isTrue();
        assertThat(query.matches(deadLetter("globex", "auth", TO))).isFalse();
    }

    private static DeadLetterRecord deadLetter(String tenant, String errorClass, Instant stamp) {
        List<Header> headers = new ArrayList<>();
        if (tenant != null) {
            headers.add(new RecordHeader("ce_tenant", tenant.getBytes(StandardCharsets.UTF_8)));
        }
        if (errorClass != null) {
            headers.add(new RecordHeader("crmsync_error_class", errorClass.getBytes(StandardCharsets.UTF_8)));
        }
        return new DeadLetterRecord(0, 1, stamp, "acme/contact/k".getBytes(StandardCharsets.UTF_8), new byte[0], headers);
    }
}
