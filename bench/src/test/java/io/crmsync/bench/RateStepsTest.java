package io.crmsync.bench;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RateStepsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private static SyncResult step(int rate, long accepted, long synced, double p99) {
        return new SyncResult(rate, rate * 20L, accepted, synced, new LatencySummary(synced, p99 / 2, p99, p99 + 1),
                T0, T0.plusSeconds(21));
    }

    @Test
    void aRateIsSustainedWhenEverythingSyncedWithP99UnderTwoSeconds() {
        assertThat(RateSteps.sustained(step(10, 200, 200, 1999.9))).isTrue();
        assertThat(RateSteps.sustained(step(10, 200, 200, 2000))).isFalse();
        assertThat(RateSteps.sustained(step(10, 200, 199, 900))).as("one order missing").isFalse();
        assertThat(RateSteps.sustained(step(10, 198, 198, 900))).as("two webhooks refused").isFalse();
    }

    @Test
    void theHighestSustainedRateIsTheLastOfTheLeadingSustainedSteps() {
        assertThat(RateSteps.highestSustained(List.of(step(5, 100, 100, 700), step(10, 200, 200, 900),
                step(20, 400, 400, 2500), step(40, 800, 800, 1500)))).hasValue(10);
        assertThat(RateSteps.highestSustained(List.of(step(5, 100, 100, 2500)))).isEmpty();
        assertThat(RateSteps.highestSustained(List.of())).isEmpty();
    }

    @Test
    void syncedPerSecondRunsFromTheFirstSendToTheLastWrite() {
        assertThat(step(10, 210, 210, 900).syncedPerSecond()).isEqualTo(10.0);
    }

    @Test
    void theTableSaysWhichRatesHeldAndTheHighest() {
        String table = EndToEndBenchmark.table(List.of(step(5, 100, 100, 700), step(10, 200, 190, 900)));

        assertThat(table.lines().filter(l -> l.trim().startsWith("5 |")).findFirst().orElseThrow().replaceAll(" +", " ").trim())
                .isEqualTo("5 | 100 | 100 | 100 | 0 | 4.8 | 350.0 | 700.0 | 701.0 | yes");
        assertThat(table.lines().filter(l -> l.trim().startsWith("10 |")).findFirst().orElseThrow().replaceAll(" +", " ").trim())
                .isEqualTo("10 | 200 | 200 | 190 | 10 | 9.0 | 450.0 | 900.0 | 901.0 | no");
        assertThat(table).contains("highest sustained rate with p99 < 2 s: 5 orders/s");
    }
}
