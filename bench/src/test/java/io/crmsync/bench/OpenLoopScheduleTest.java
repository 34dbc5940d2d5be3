package io.crmsync.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpenLoopScheduleTest {

    @Test
    void requestsAreDueAtExactIntervalsFromTheStart() {
        OpenLoopSchedule schedule = OpenLoopSchedule.of(200, 3, 15, 1_000L);

        assertThat(schedule.scheduledAt(0)).isEqualTo(1_000L);
        assertThat(schedule.scheduledAt(1)).isEqualTo(1_000L + 5_000_000L);
        assertThat(schedule.scheduledAt(200)).isEqualTo(1_000L + 1_000_000_000L);
    }

    @Test
    void roundingDoesNotAccumulateAtRatesThatDoNotDivideASecond() {
        OpenLoopSchedule schedule = OpenLoopSchedule.of(3, 0, 10, 0L);

        assertThat(schedule.scheduledAt(1)).isEqualTo(333_333_333L);
        assertThat(schedule.scheduledAt(2)).isEqualTo(666_666_667L);
        assertThat(schedule.scheduledAt(3)).isEqualTo(1_000_000_000L);
        assertThat(schedule.scheduledAt(30)).isEqualTo(10_000_000_000L);
    }

    @Test
    void warmUpRequestsComeFirstAndAreNotMeasured() {
        OpenLoopSchedule schedule = OpenLoopSchedule.of(50, 2, 10, 0L);

        assertThat(schedule.warmupCount()).isEqualTo(100);
        assertThat(schedule.measuredCount()).isEqualTo(500);
        assertThat(schedule.totalCount()).isEqualTo(600);
        assertThat(schedule.isMeasured(99)).isFalse();
        assertThat(schedule.isMeasured(100)).isTrue();
        assertThat(schedule.measuredFrom()).isEqualTo(2_000_000_000L);
        assertThat(schedule.measuredNanos()).isEqualTo(10_000_000_000L);
    }
}
