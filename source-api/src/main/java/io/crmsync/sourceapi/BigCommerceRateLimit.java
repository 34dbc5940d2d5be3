package io.crmsync.sourceapi;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * BigCommerce's per-store request quota from its {@code X-Rate-Limit-*} headers: requests left in
 * the current window, the window's quota, the time until it resets and its length. A caller that
 * stops while a few requests are left never sees a 429.
 */
public record BigCommerceRateLimit(int requestsLeft, int requestsQuota, Duration timeReset, Duration timeWindow) {

    public static final String REQUESTS_LEFT = "X-Rate-Limit-Requests-Left";
    public static final String REQUESTS_QUOTA = "X-Rate-Limit-Requests-Quota";
    public static final String TIME_RESET_MS = "X-Rate-Limit-Time-Reset-Ms";
    public static final String TIME_WINDOW_MS = "X-Rate-Limit-Time-Window-Ms";

    /** @param header a response's header by name; absent or unreadable headers give no limit */
    public static Optional<BigCommerceRateLimit> parse(Function<String, String> header) {
        Optional<Long> left = number(header.apply(REQUESTS_LEFT));
        Optional<Long> quota = number(header.apply(REQUESTS_QUOTA));
        Optional<Long> reset = number(header.apply(TIME_RESET_MS));
        if (left.isEmpty() || quota.isEmpty() || reset.isEmpty() || quota.get() <= 0) {
            return Optional.empty();
        }
        Duration window = number(header.apply(TIME_WINDOW_MS)).map(Duration::ofMillis).orElse(Duration.ZERO);
        return Optional.of(new BigCommerceRateLimit((int) Math.min(left.get(), Integer.MAX_VALUE),
                (int) Math.min(quota.get(), Integer.MAX_VALUE), Duration.ofMillis(reset.get()), window));
    }

    /**
     * How long to wait before the next call so that {@code headroom} requests stay in the window
     * (fewer in a quota too small for that): zero while more are left, otherwise until the window
     * resets.
     */
    public Duration pauseToKeep(int headroom) {
        int keep = Math.max(0, Math.min(headroom, requestsQuota - 1));
        return requestsLeft > keep ? Duration.ZERO : timeReset;
    }

    /** The wait a 429 asks for: until the window resets. */
    public Duration retryAfter() {
        return timeReset;
    }

    private static Optional<Long> number(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            long value = Long.parseLong(text.trim());
            return value < 0 ? Optional.empty() : Optional.of(value);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
