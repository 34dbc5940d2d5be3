package io.crmsync.reconciler.accounting;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

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

    /** Automatic repair of mismatches by replaying the object from its store. */
    Repair repair();

    /** Sampled reads of settled objects back from the tenant's CRM. */
    CrmCheck crmCheck();

    interface Repair {

        /** Repair runs after every refresh; off, only {@code POST /admin/mismatches/repair} runs it. */
        @WithDefault("true")
        boolean enabled();

        /** Replays of one object before it is left listed as exhausted. */
        @WithDefault("3")
        int maxAttempts();

        /** Attempt n (0-based) waits {@code spacing × 2^n} after the previous one; default: the grace. */
        Optional<Duration> spacing();

        /** Objects repaired per tenant per round, so a flood of mismatches cannot hammer a store. */
        @WithDefault("10")
        int maxPerTenant();
    }

    interface CrmCheck {

        /** Time between sampling rounds; {@code off}: only {@code POST /admin/mismatches/crm-check}. */
        @WithDefault("5m")
        String interval();

        /** Settled objects read back per tenant per round (at most two CRM requests: one per object type). */
        @WithDefault("20")
        int sampleSize();

        /** Salesforce REST API version of the SOQL query path. */
        @WithDefault("v60.0")
        String salesforceApiVersion();

        @WithDefault("5000")
        long connectTimeoutMillis();

        @WithDefault("10000")
        long readTimeoutMillis();
    }
}
