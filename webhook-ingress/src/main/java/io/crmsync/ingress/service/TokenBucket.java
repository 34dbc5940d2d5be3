package io.crmsync.ingress.service;

/**
 * A token bucket: {@code rate} tokens a second up to {@code burst}; each admission takes one.
 * Synchronised: one bucket per tenant, and the critical section is a few arithmetic operations.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double rate;
    private final double burst;
    private double tokens;
    private long refilledAt;

    /** @param rate must be positive; @param burst at least 1 (checked by {@link TenantQuotas}) */
    TokenBucket(double rate, double burst, long nowNanos) {
        this.rate = rate;
        this.burst = burst;
        this.tokens = burst;
        this.refilledAt = nowNanos;
    }

    /** Takes a token; returns 0 when admitted, else the whole seconds (≥ 1) until one is available. */
    synchronized long tryAcquire(long nowNanos) {
        double elapsed = Math.max(0, nowNanos - refilledAt) / NANOS_PER_SECOND;
        tokens = Math.min(burst, tokens + elapsed * rate);
        refilledAt = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / rate));
    }
}
