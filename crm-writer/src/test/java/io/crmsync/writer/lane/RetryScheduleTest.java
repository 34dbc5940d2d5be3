package io.crmsync.writer.lane;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RetryScheduleTest {

    private static final List<Duration> DEFAULT = List.of(Duration.ofSeconds(30), Duration.ofMinutes(2),
            Duration.ofMinutes(8), Duration.ofMinutes(30));

    @Test
    void eachFailedAttemptWaitsItsStepThenTheScheduleIsSpent() {
        RetrySchedule schedule = new RetrySchedule(DEFAULT, 0);
        assertThat(schedule.after(1)).contains(Duration.ofSeconds(30));
        assertThat(schedule.after(4)).contains(Duration.ofMinutes(30));
        assertThat(schedule.after(5)).isEmpty();
    }

    @Test
    void jitterStaysWithinItsShare() {
        RetrySchedule schedule = new RetrySchedule(DEFAULT, 0.2);
        for (int i = 0; i < 1000; i++) {
            assertThat(schedule.after(2).orElseThrow()).isBetween(Duration.ofSeconds(96), Duration.ofSeconds(144));
        }
    }
}
