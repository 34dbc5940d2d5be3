package io.crmsync.sourceapi;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BigCommerceRateLimitTest {

    private static Map<String, String> headers(String left, String quota, String resetMs, String windowMs) {
        Map<String, String> headers = new java.util.HashMap<>();
        headers.put(BigCommerceRateLimit.REQUESTS_LEFT, left);
        headers.put(BigCommerceRateLimit.REQUESTS_QUOTA, quota);
        headers.put(BigCommerceRateLimit.TIME_RESET_MS, resetMs);
        headers.put(BigCommerceRateLimit.TIME_WINDOW_MS, windowMs);
        return headers;
    }

    @Test
    void parsesTheFourHeaders() {
        assertThat(BigCommerceRateLimit.parse(headers("149", "150", "29857", "30000")::get))
                .contains(new BigCommerceRateLimit(149, 150, Duration.ofMillis(29857), Duration.ofMillis(30000)));
    }

    @Test
    void theWindowLengthIsOptional() {
        assertThat(BigCommerceRateLimit.parse(headers(" 3 ", "150", "100", null)::get))
                .hasValueSatisfying(limit -> assertThat(limit.timeWindow()).isZero());
    }

    @Test
    void ignoresAbsentOrUnreadableHeaders() {
        assertThat(BigCommerceRateLimit.parse(Map.<String, String>of()::get)).isEmpty();
        assertThat(BigCommerceRateLimit.parse(headers("many", "150", "100", "30000")::get)).isEmpty();
        assertThat(BigCommerceRateLimit.parse(headers("1", "0", "100", "30000")::get)).isEmpty();
        assertThat(BigCommerceRateLimit.parse(headers("-1", "150", "100", "30000")::get)).isEmpty();
    }

    @Test
    void noPauseWhileMoreThanTheHeadroomIsLeft() {
        assertThat(new BigCommerceRateLimit(6, 150, Duration.ofSeconds(12), Duration.ofSeconds(30)).pauseToKeep(5)).isZero();
    }

    @Test
    void pausesUntilTheWindowResetsOnceTheHeadroomIsReached() {
        assertThat(new BigCommerceRateLimit(5, 150, Duration.ofSeconds(12), Duration.ofSeconds(30)).pauseToKeep(5))
                .isEqualTo(Duration.ofSeconds(12));
        assertThat(new BigCommerceRateLimit(0, 150, Duration.ofMillis(800), Duration.ofSeconds(30)).pauseToKeep(5))
                .isEqualTo(Duration.ofMillis(800));
    }

    @Test
    void aQuotaSmallerThanTheHeadroomStillAllowsCallsWhileAnyIsLeftBeyondOne() {
        // quota 3: keep at most 2, so the first call (2 left) pauses, as the window could not serve a 4th anyway.
        assertThat(new BigCommerceRateLimit(2, 3, Duration.ofMillis(900), Duration.ofSeconds(1)).pauseToKeep(5))
                .isEqualTo(Duration.ofMillis(900));
        assertThat(new BigCommerceRateLimit(1, 1, Duration.ofMillis(900), Duration.ofSeconds(1)).pauseToKeep(5)).isZero();
    }

    @Test
    void a429WaitsForTheReset() {
        assertThat(new BigCommerceRateLimit(0, 150, Duration.ofMillis(2500), Duration.ofSeconds(30)).retryAfter())
                .isEqualTo(Duration.ofMillis(2500));
    }
}
