package io.crmsync.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ResultTableTest {

    @Test
    void oneRowPerRateWithStatusesInTheirOwnColumns() {
        OpenLoopResult http = new OpenLoopResult(100, 99.5, new LatencySummary(1490, 3.2, 12.5, 40.0),
                Map.of(202, 1490L, 429, 7L, 503, 2L, 401, 1L), 0);
        OpenLoopResult kafka = new OpenLoopResult(100, 100, new LatencySummary(1500, 1.1, 4.0, 9.0), Map.of(0, 1500L), 0);

        String table = ResultTable.format(new MachineInfo(2, "Test CPU", "17.0.1"), 2048, 15, 12345.6,
                List.of(http), List.of(kafka));

        assertThat(table).contains("machine: 2 cores, Test CPU, Java 17.0.1", "message size 2048 B",
                "max 12,346 msg/s");
        String row = table.lines().filter(line -> line.trim().startsWith("100 |")).findFirst().orElseThrow();
        assertThat(row.trim().replaceAll(" +", " ")).isEqualTo("100 | 99.5 | 3.2 | 12.5 | 40.0 | 7 | 2 | 1 | 0 || 1.1 | 4.0 | 0");
    }

    @Test
    void columnsAreRightAlignedUnderTheirHeader() {
        String table = ResultTable.columns(List.of("process", "CPU %"),
                List.of(List.of("crm-writer", "12.5"), List.of("kafka", "3.0")));

        assertThat(table).isEqualTo("""
                   process | CPU %
                ------------------
                crm-writer |  12.5
                     kafka |   3.0
                """);
        assertThat(ResultTable.millis(Double.NaN)).isEqualTo("-");
    }

    @Test
    void cpuModelComesFromProcCpuinfo() {
        assertThat(MachineInfo.cpuModel(List.of("processor\t: 0", "model name\t: AMD EPYC 7B13", "model name\t: other")))
                .isEqualTo("AMD EPYC 7B13");
    }
}
