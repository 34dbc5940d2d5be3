package io.crmsync.sandbox.crm.service;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * Rolling-window limiter as HubSpot describes its TEN_SECONDLY_ROLLING policy: a request is
 * admitted when fewer than {@code max} requests were admitted in the last window. Rejected
 * requests are not remembered, so a client that backs off recovers as soon as the window rolls.
 */
public final class RollingWindowLimiter {

    private final RateBudget budget;
    private final LongSupplier clockMillis;
    private final Deque<Long> admitted = new ArrayDeque<>();

    public RollingWindowLimiter(RateBudget budget) {
        this(budget, () -> System.nanoTime() / 1_000_000L);
    }

    /** Clock injectable so the window arithmetic can be tested without sleeping. */
    RollingWindowLimiter(RateBudget budget, LongSupplier clockMillis) {
        this.budget = budget;
        this.clockMillis = clockMillis;
    }

    public synchronized LimitDecision tryAcquire() {
        long now = clockMillis.getAsLong();
        evictExpired(now);
        if (admitted.size() < budget.requests()) {
            admitted.addLast(now);
            return decision(true, 0);
        }
        long windowMillis = budget.window().toMillis();
        long waitMillis = admitted.isEmpty() ? windowMillis : admitted.peekFirst() + windowMillis - now;
        long retryAfterSeconds = Math.max(1, (waitMillis + 999) / 1000);
        return decision(false, retryAfterSeconds);
    }

    /** The current numbers, without spending a request (for responses that never reached the limiter). */
    public synchronized LimitDecision peek() {
        evictExpired(clockMillis.getAsLong());
        return decision(true, 0);
    }

    private void evictExpired(long now) {
        long windowMillis = budget.window().toMillis();
        while (!admitted.isEmpty() && admitted.peekFirst() <= now - windowMillis) {
            admitted.removeFirst();
        }
    }

    private LimitDecision decision(boolean allowed, long retryAfterSeconds) {
        int remaining = Math.max(0, budget.requests() - admitted.size());
        return new LimitDecision(allowed, budget.requests(), remaining, budget.window().toMillis(), retryAfterSeconds);
    }
}
