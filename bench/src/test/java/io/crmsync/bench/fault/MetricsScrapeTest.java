package io.crmsync.bench.fault;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsScrapeTest {

    @Test
    void sumsTheSeriesOfTheTenant() {
        String page = """
                # HELP crmsync_duplicates_suppressed_total Duplicates
                # TYPE crmsync_duplicates_suppressed_total counter
                crmsync_duplicates_suppressed_total{tenant="acme"} 7.0
                crmsync_duplicates_suppressed_total{tenant="globex"} 3.0
                crmsync_duplicates_suppressed_total{tenant="acme",service="other"} 2.0 # {span_id="a1",trace_id="b2"} 1.0 1795395813.123
                crmsync_duplicates_suppressed_totalx{tenant="acme"} 100.0
                """;

        assertThat(MetricsScrape.sum(page, "crmsync_duplicates_suppressed_total", "tenant=\"acme\"")).isEqualTo(9.0);
        assertThat(MetricsScrape.sum(page, "crmsync_stale_updates_dropped_total", "tenant=\"acme\"")).isZero();
    }
}
