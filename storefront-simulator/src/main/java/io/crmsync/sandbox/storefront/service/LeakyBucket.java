package io.crmsync.sandbox.storefront.service;

/**
 * Shopify's REST rate limit: every request adds one to a bucket that leaks at a steady rate; a
 * request that would overflow it is refused.
 */
public final class LeakyBucket {

    private final int capacity;
    private final double leakPerSecond;
    private double level;
    private long lastNanos;

    /** @param level requests in the bucket after this one was counted (or refused) */
    public record Decision(boolean admitted, int level, int capacity) {
    }

    public LeakyBucket(int capacity, double leakPerSecond, long nowNanos) {
        this.capacity = capacity;
        this.leakPerSecond = leakPerSecond;
        this.lastNanos = nowNanos;
    }

    public synchronized Decision take(long nowNanos) {
        level = Math.max(0, level - (nowNanos - lastNanos) / 1e9 * leakPerSecond);
        lastNanos = nowNanos;
        if (level + 1 > capacity) {
            return new Decision(false, capacity, capacity);
        }
        level += 1;
        return new Decision(true, (int) Math.ceil(level - 1e-9), capacity);
    }

    public double leakPerSecond() {
        return leakPerSecond;
    }
}
