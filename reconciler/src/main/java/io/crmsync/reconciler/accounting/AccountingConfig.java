package io.crmsync.reconciler.accounting;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Delivery accounting: how long an object may take to reach the CRM before it counts as a mismatch. */
@ConfigMapping(prefix = "crmsync.reconciler.accounting")
public interface AccountingConfig {

    /**
     * An object received longer ago than this without a CRM write result is a mismatch. Longer than
     * the crm-writer's first retry, shorter than the real-time latency alert (15 min).
     */
    @WithDefault("5m")
    Duration grace();

    /** The window the received-vs-written figures cover. */
    @WithDefault("24h")
    Duration window();

    /** How often the gauges are recomputed. */
    @WithDefault("30s")
    Duration refresh();
}
