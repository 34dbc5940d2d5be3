package io.crmsync.writer.client;

import java.time.Duration;

/**
 * The request budget of one CRM account as a token bucket. Sized from the plan ({@code requests}
 * per {@code window}) so that no window of that length ever holds more than {@link #SAFETY} of
 * {@code requests}: a burst of {@link #BURST} of that, refilled at the rest of it. What the CRM's answers say
 * overrides the plan: the window's size ({@code X-HubSpot-RateLimit-Max} per interval), what is
 * left of it ({@code -Remaining}), a {@code Retry-After} (nothing until then), and a daily budget
 * nearly spent (Salesforce's {@code api-usage}: past {@link #DAILY_SLOWDOWN}, the rest is spread
 * over a day). Thread-safe; time is passed in, in nanoseconds, so it can be tested.
 */
final class AccountBudget {

    /** The share of a window's budget that may go at once. */
    static final double BURST = 0.2;
    /** The share of the budget used at all: clocks differ, and a rolling window forgives nothing. */
    static final double SAFETY = 0.9;
    /** Daily usage from which the rate slows to spread what is left. */
    static final double DAILY_SLOWDOWN = 0.9;
    private static final double NANOS_PER_DAY = Duration.ofDays(1).toNanos();

    private int requests;
    private Duration window;
    private double capacity;
    private double perNano;
    private double dailyCap = Double.MAX_VALUE;
    private double tokens;
    private long refilledAt;
    private long blockedUntil;

    AccountBudget(int requests, Duration window, long now) {
        resize(requests, window);
        this.tokens = capacity;
        this.refilledAt = now;
        this.blockedUntil = now;
    }

    /** @return 0 when one request may go now (and it is counted), else the nanoseconds to wait first */
    synchronized long reserve(long now) {
        refill(now);
        if (now < blockedUntil) {
            return blockedUntil - now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / rate()));
    }

    synchronized void observe(CrmBudgetReading reading, long now) {
        refill(now);
        if (reading.windowMax() != null && reading.window() != null && reading.windowMax() > 0
                && !reading.window().isZero()
                && (reading.windowMax() != requests || !reading.window().equals(window))) {
            resize(reading.windowMax(), reading.window());
            tokens = Math.min(tokens, capacity);
        }
        if (reading.windowRemaining() != null) {
            tokens = Math.min(tokens, Math.max(0, reading.windowRemaining()));
        }
        if (reading.retryAfter() != null) {
            tokens = 0;
            blockedUntil = Math.max(blockedUntil, now + reading.retryAfter().toNanos());
        }
        if (reading.dailyUsed() != null && reading.dailyLimit() != null && reading.dailyLimit() > 0) {
            long left = Math.max(0, reading.dailyLimit() - reading.dailyUsed());
            dailyCap = reading.dailyUsed() >= reading.dailyLimit() * DAILY_SLOWDOWN
                    ? Math.max(left, 1) / NANOS_PER_DAY : Double.MAX_VALUE;
        }
    }

    /** Requests per second it allows now, for tests and metrics. */
    synchronized double perSecond() {
        return rate() * 1e9;
    }

    private double rate() {
        return Math.min(perNano, dailyCap);
    }

    private void resize(int requests, Duration window) {
        this.requests = requests;
        this.window = window;
        double usable = Math.max(1, Math.floor(requests * SAFETY));
        this.capacity = Math.max(1, Math.floor(usable * BURST));
        this.perNano = Math.max(usable - capacity, 1) / (double) window.toNanos();
    }

    private void refill(long now) {
        if (now > refilledAt) {
            tokens = Math.min(capacity, tokens + (now - refilledAt) * rate());
            refilledAt = now;
        }
    }
}
