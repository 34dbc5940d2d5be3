package io.crmsync.writer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * How the writer talks to CRMs. The retry schedule for unavailable CRMs is the fault-tolerance
 * configuration of {@code io.crmsync.writer.service.CrmCalls/call}.
 */
@ConfigMapping(prefix = "crmsync.writer")
public interface WriterConfig {

    /** Most inputs in one batch call; larger groups are split (HubSpot accepts at most 100). */
    @WithDefault("100")
    int maxBatchInputs();

    /** Outbound HTTP settings. */
    Http http();

    /** Behaviour when the CRM answers 429. */
    RateLimit rateLimit();

    interface Http {

        /** Time to open a connection to the CRM; exceeding it counts as the CRM being unavailable. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** Time to wait for the CRM's answer; exceeding it counts as the CRM being unavailable. */
        @WithDefault("30s")
        Duration readTimeout();
    }

    interface RateLimit {

        /** Wait when a 429 names no usable {@code Retry-After}. */
        @WithDefault("1s")
        Duration defaultWait();

        /** Longest single wait, whatever {@code Retry-After} says. */
        @WithDefault("30s")
        Duration maxWait();

        /**
         * Consecutive 429 waits for one call before the call counts as failed (and enters the
         * retry schedule for an unavailable CRM).
         */
        @WithDefault("10")
        int maxWaits();
    }
}
