package io.crmsync.writer.client;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The token bucket's arithmetic, with time passed in. */
class AccountBudgetTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    @Test
    void noTenSecondWindowEverHoldsMoreThanThePlanAllows() {
        AccountBudget budget = new AccountBudget(10, Duration.ofSeconds(10), 0);
        // Requests as fast as admitted for a minute; count the most in any 10 s window.
        long now = 0;
        java.util.List<Long> sent = new java.util.ArrayList<>();
        while (now < 60 * SECOND) {
            long wait = budget.reserve(now);
            if (wait == 0) {
                sent.add(now);
            } else {
                now += wait;
            }
        }
        int most = 0;
        for (int i = 0; i < sent.size(); i++) {
            long start = sent.get(i);
            most = Math.max(most, (int) sent.stream().filter(t -> t >= start && t < start + 10 * SECOND).count());
        }
        assertThat(most).isLessThanOrEqualTo(10);
        // ...and the budget is used: a burst of 1, then 8 per 10 s (90 % of it, 20 % of that at once).
        assertThat(sent.size()).isBetween(48, 50);
    }

    @Test
    void theCrmsHeadersResizeThePlanAndRetryAfterStopsEverything() {
        AccountBudget budget = new AccountBudget(190, Duration.ofSeconds(10), 0);
        assertThat(budget.perSecond()).isGreaterThan(10);
        budget.observe(CrmBudgetReading.window(10, 9, Duration.ofSeconds(10), null), 0);
        assertThat(budget.perSecond()).isLessThan(1);

        budget.observe(CrmBudgetReading.window(10, 0, Duration.ofSeconds(10), Duration.ofSeconds(3)), 0);
        assertThat(budget.reserve(0)).isEqualTo(3 * SECOND);
        assertThat(budget.reserve(3 * SECOND)).isZero();
        assertThat(budget.reserve(3 * SECOND)).isPositive();
    }

    @Test
    void whatIsLeftOfTheWindowCapsTheBurst() {
        AccountBudget budget = new AccountBudget(100, Duration.ofSeconds(10), 0);
        budget.observe(CrmBudgetReading.window(100, 0, Duration.ofSeconds(10), null), 0);
        assertThat(budget.reserve(0)).isPositive();
    }

    @Test
    void aNearlySpentDailyBudgetSpreadsTheRestOverTheDay() {
        AccountBudget budget = new AccountBudget(100, Duration.ofSeconds(10), 0);
        budget.observe(CrmBudgetReading.daily(50_000L, 100_000L), 0);
        assertThat(budget.perSecond()).isGreaterThan(5);
        budget.observe(CrmBudgetReading.daily(99_136L, 100_000L), 0);
        assertThat(budget.perSecond()).isCloseTo(864 / 86_400.0, org.assertj.core.data.Offset.offset(1e-6));
    }
}
