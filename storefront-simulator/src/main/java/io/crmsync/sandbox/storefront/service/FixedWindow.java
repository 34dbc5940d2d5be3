package io.crmsync.sandbox.storefront.service;

/**
 * A quota of requests per window that refills at once when the window ends (BigCommerce's store
 * quota; also the shape of WooCommerce's limiter).
 */
public final class FixedWindow {

    private final int quota;
    private final long windowNanos;
    private long windowStart;
    private int used;

    /**
     * @param left    requests left in the window after this one
     * @param resetMs milliseconds until the window refills
     */
    public record Decision(boolean admitted, int left, int quota, long resetMs, long windowMs) {
    }

    public FixedWindow(int quota, long windowNanos, long nowNanos) {
        this.quota = quota;
        this.windowNanos = windowNanos;
        this.windowStart = nowNanos;
    }

    public synchronized Decision take(long nowNanos) {
        if (nowNanos - windowStart >= windowNanos) {
            windowStart = nowNanos;
            used = 0;
        }
        boolean admitted = used < quota;
        if (admitted) {
            used++;
        }
        long resetMs = Math.max(0, (windowStart + windowNanos - nowNanos) / 1_000_000);
        return new Decision(admitted, quota - used, quota, resetMs, windowNanos / 1_000_000);
    }
}
