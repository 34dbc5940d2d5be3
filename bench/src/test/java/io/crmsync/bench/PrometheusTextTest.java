package io.crmsync.bench;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusTextTest {

    private static final String METRICS = """
            # HELP crmsync_reconcile_polled_total Objects published by polls
            # TYPE crmsync_reconcile_polled_total counter
            crmsync_reconcile_polled_total{object_type="order",store="acme-shopify",tenant="acme"} 12.0
            crmsync_reconcile_polled_total{object_type="customer",store="acme-shopify",tenant="acme"} 3.0
            crmsync_reconcile_polled_total{object_type="order",store="acme-woo",tenant="acme"} 5.0
            crmsync_reconcile_polled_totally_other{store="acme-shopify"} 100.0
            """;

    @Test
    void sumsTheSamplesWhoseLabelsMatch() {
        assertThat(PrometheusText.sum(METRICS, "crmsync_reconcile_polled_total", Map.of("store", "acme-shopify"))).isEqualTo(15.0);
        assertThat(PrometheusText.sum(METRICS, "crmsync_reconcile_polled_total", Map.of())).isEqualTo(20.0);
        assertThat(PrometheusText.sum(METRICS, "crmsync_absent_total", Map.of())).isZero();
    }

    @Test
    void readsTheValueBeforeAnExemplar() {
        String page = """
                crmsync_duplicates_suppressed_total{tenant="acme"} 7.0
                crmsync_duplicates_suppressed_total{tenant="globex"} 3.0
                crmsync_duplicates_suppressed_total{service="other",tenant="acme"} 2.0 # {span_id="a1",trace_id="b2"} 1.0 1795395813.123
                """;
        assertThat(PrometheusText.sum(page, "crmsync_duplicates_suppressed_total", Map.of("tenant", "acme"))).isEqualTo(9.0);
    }
}
