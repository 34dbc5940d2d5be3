package io.crmsync.sandbox.crm.service;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RollingWindowLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final RollingWindowLimiter limiter =
            new RollingWindowLimiter(new RateBudget(3, Duration.ofSeconds(10)), now::get);

    @Test
    void admitsUpToTheBudgetThenRefusesWithTheWaitUntilTheOldestExpires() {
        assertThat(limiter.tryAcquire().remaining()).isEqualTo(2);
        now.addAndGet(1_000);
        assertThat(limiter.tryAcquire().remaining()).isEqualTo(1);
        assertThat(limiter.tryAcquire().remaining()).isZero();

        now.addAndGet(2_500);
        LimitDecision refused = limiter.tryAcquire();

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.max()).isEqualTo(3);
        assertThat(refused.intervalMillis()).isEqualTo(10_000);
        // The first admission (at t0) leaves the window at t0 + 10 s, i.e. 6.5 s from now.
        assertThat(refused.retryAfterSeconds()).isEqualTo(7);
    }

    @Test
    void windowRollsRatherThanResettingInSteps() {
        limiter.tryAcquire();
        now.addAndGet(5_000);
        limiter.tryAcquire();
        limiter.tryAcquire();
        assertThat(limiter.tryAcquire().allowed()).isFalse();

        now.addAndGet(5_000);
        assertThat(limiter.peek().remaining()).isEqualTo(1);
        assertThat(limiter.tryAcquire().allowed()).isTrue();
        assertThat(limiter.tryAcquire().allowed()).isFalse();
    }

    @Test
    void refusalsDoNotSpendTheBudget() {
        RollingWindowLimiter none = new RollingWindowLimiter(new RateBudget(0, Duration.ofSeconds(1)), now::get);

        assertThat(none.tryAcquire().allowed()).isFalse();
        assertThat(none.tryAcquire().retryAfterSeconds()).isEqualTo(1);
        assertThat(limiter.peek().remaining()).isEqualTo(3);
    }
}
