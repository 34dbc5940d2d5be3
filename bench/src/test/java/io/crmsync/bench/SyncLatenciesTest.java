package io.crmsync.bench;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SyncLatenciesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void latencyIsTheDealsCreationMinusItsWebhooksSendMatchedByOrderRef() {
        Map<String, Instant> sent = Map.of(
                "acme-shopify:1", T0,
                "acme-shopify:2", T0.plusMillis(100),
                "acme-shopify:3", T0.plusMillis(200));
        List<CrmSandboxClient.SandboxDeal> deals = List.of(
                new CrmSandboxClient.SandboxDeal("acme-shopify:2", "live", T0.plusMillis(1100)),
                new CrmSandboxClient.SandboxDeal("acme-shopify:1", "live", T0.plusMillis(500)),
                // an order of another run: ignored
                new CrmSandboxClient.SandboxDeal("acme-shopify:99", "live", T0.plusMillis(9000)));

        SyncLatencies.Matched matched = SyncLatencies.match(sent, deals);

        assertThat(matched.synced()).isEqualTo(2);
        assertThat(matched.latency().count()).isEqualTo(2);
        // The histogram keeps 3 significant digits.
        assertThat(matched.latency().p50()).isCloseTo(500.0, within(1.0));
        assertThat(matched.latency().max()).isCloseTo(1000.0, within(1.0));
        assertThat(matched.lastWrite()).isEqualTo(T0.plusMillis(1100));
    }

    @Test
    void nothingSyncedHasNoLatencyAndNoLastWrite() {
        SyncLatencies.Matched matched = SyncLatencies.match(Map.of("acme-shopify:1", T0), List.of());

        assertThat(matched.synced()).isZero();
        assertThat(matched.latency()).isEqualTo(LatencySummary.EMPTY);
        assertThat(matched.lastWrite()).isNull();
    }
}
