package io.crmsync.bench;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencySummaryTest {

    @Test
    void percentilesOfOneToAThousandMilliseconds() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (int ms = 1; ms <= 1000; ms++) {
            recorder.recordNanos(ms * 1_000_000L);
        }

        LatencySummary summary = recorder.summary();

        assertThat(summary.count()).isEqualTo(1000);
        // HdrHistogram keeps 3 significant digits: values are exact to within 0.1 %.
        assertThat(summary.p50()).isCloseTo(500, within(0.5));
        assertThat(summary.p99()).isCloseTo(990, within(1.0));
        assertThat(summary.max()).isCloseTo(1000, within(1.0));
    }

    @Test
    void aFewSlowAnswersDominateTheTailNotTheMedian() {
        Histogram micros = new Histogram(60_000_000L, 3);
        micros.recordValueWithCount(2_000, 980);
        micros.recordValueWithCount(3_000_000, 20);

        LatencySummary summary = LatencySummary.ofMicros(micros);

        assertThat(summary.p50()).isCloseTo(2.0, within(0.01));
        assertThat(summary.p99()).isCloseTo(3000, within(3.0));
    }

    @Test
    void nothingRecordedIsNotANumber() {
        LatencySummary summary = new LatencyRecorder().summary();

        assertThat(summary.count()).isZero();
        assertThat(summary.p50()).isNaN();
    }

    @Test
    void valuesBeyondAMinuteAreClampedNotLost() {
        LatencyRecorder recorder = new LatencyRecorder();
        recorder.recordNanos(120_000_000_000L);

        assertThat(recorder.summary().count()).isEqualTo(1);
        assertThat(recorder.summary().max()).isCloseTo(60_000, within(60.0));
    }
}
