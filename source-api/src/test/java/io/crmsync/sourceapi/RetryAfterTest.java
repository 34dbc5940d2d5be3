package io.crmsync.sourceapi;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void secondsMayBeFractional() {
        assertThat(RetryAfter.parse("2.0", NOW)).contains(Duration.ofSeconds(2));
        assertThat(RetryAfter.parse("0.25", NOW)).contains(Duration.ofMillis(250));
        assertThat(RetryAfter.parse(" 3 ", NOW)).contains(Duration.ofSeconds(3));
    }

    @Test
    void anHttpDateIsTheTimeUntilThen() {
        assertThat(RetryAfter.parse("Sun, 01 Mar 2026 12:00:05 GMT", NOW)).contains(Duration.ofSeconds(5));
        assertThat(RetryAfter.parse("Sun, 01 Mar 2026 11:59:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void negativeMeansNow() {
        assertThat(RetryAfter.parse("-4", NOW)).contains(Duration.ZERO);
    }

    @Test
    void unreadableIsAbsent() {
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse("NaN", NOW)).isEmpty();
    }
}
