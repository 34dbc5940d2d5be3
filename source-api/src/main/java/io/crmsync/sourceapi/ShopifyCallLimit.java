package io.crmsync.sourceapi;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shopify's leaky-bucket state from {@code X-Shopify-Shop-Api-Call-Limit: used/size}. The bucket
 * leaks a fixed number of calls per second; a caller that keeps some headroom never sees a 429.
 */
public record ShopifyCallLimit(int used, int size) {

    private static final Pattern VALUE = Pattern.compile("\\s*(\\d+)\\s*/\\s*(\\d+)\\s*");

    public static Optional<ShopifyCallLimit> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = VALUE.matcher(header);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            int size = Integer.parseInt(m.group(2));
            return size > 0 ? Optional.of(new ShopifyCallLimit(Integer.parseInt(m.group(1)), size)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * How long to wait before the next call so that at least {@code headroom} calls stay free
     * (fewer in a bucket too small for that): zero while there is room, otherwise the time the
     * bucket needs to leak the excess.
     */
    public Duration pauseToKeep(int headroom, double leakPerSecond) {
        int keep = Math.max(0, Math.min(headroom, size - 1));
        int excess = used - (size - keep) + 1;
        if (excess <= 0 || leakPerSecond <= 0) {
            return Duration.ZERO;
        }
        return Duration.ofMillis((long) Math.ceil(excess * 1000 / leakPerSecond));
    }
}
