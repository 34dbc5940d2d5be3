package io.crmsync.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProcStatTest {

    @Test
    void cpuTicksAreUtimePlusStimeEvenWhenTheNameHoldsSpacesAndParentheses() {
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 81237 0 12 0 1534 287 0 0 20 0 41 0 "
                + "123456 3456789012 98765 18446744073709551615 1 1 0 0 0 0 0 4096 17613 0 0 0 17 1 0 0 0 0 0";

        assertThat(ProcStat.cpuTicks(stat)).isEqualTo(1534 + 287);
    }

    @Test
    void memoryLinesOfProcStatusAreReadInKilobytes() {
        List<String> status = List.of("Name:\tjava", "VmPeak:\t 3456789 kB", "VmHWM:\t  412345 kB", "VmRSS:\t  398765 kB",
                "Threads:\t41");

        assertThat(ProcStat.kilobytes(status, "VmRSS")).isEqualTo(398_765);
        assertThat(ProcStat.kilobytes(status, "VmHWM")).isEqualTo(412_345);
        assertThat(ProcStat.kilobytes(List.of("Name:\tkthreadd"), "VmRSS")).isZero();
    }

    @Test
    void startupIsTheLastQuarkusStartedLineOfTheLog() {
        List<String> log = List.of(
                "2026-11-22 18:00:01,123 INFO  [io.quarkus] (main) crm-writer 0.1.0-SNAPSHOT on JVM (powered by Quarkus 3.29.4) started in 9.871s. Listening on: http://0.0.0.0:8083",
                "2026-11-22 18:00:02,000 INFO  [io.crm] (main) a line that started in 1s without Quarkus",
                "2026-11-22 19:00:01,123 INFO  [io.quarkus] (main) crm-writer 0.1.0-SNAPSHOT on JVM (powered by Quarkus 3.29.4) started in 7.5s. Listening on: http://0.0.0.0:8083");

        assertThat(ProcStat.quarkusStartSeconds(log)).hasValue(7.5);
        assertThat(ProcStat.quarkusStartSeconds(List.of("kafka started"))).isEmpty();
    }

    @Test
    void cpuPercentIsCpuSecondsOverTheWindow() {
        assertThat(ResourceBenchmark.cpuPercent(new ProcStat.Sample(1000, 0, 0), new ProcStat.Sample(1450, 0, 0), 10.0))
                .isEqualTo("45.0");
    }
}
