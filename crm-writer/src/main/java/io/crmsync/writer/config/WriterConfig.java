package io.crmsync.writer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** How the writer talks to CRMs, batches, retries and drains its tenants' lanes. */
@ConfigMapping(prefix = "crmsync.writer")
public interface WriterConfig {

    /** Most inputs in one batch call; larger groups are split (HubSpot accepts at most 100). */
    @WithDefault("100")
    int maxBatchInputs();

    /** Outbound HTTP settings. */
    Http http();

    /** Behaviour when the CRM answers 429. */
    RateLimit rateLimit();

    /** What a retryable failure (CRM unavailable, timeouts, a defect) gets. */
    Retry retry();

    /** How each tenant's lane drains its commands. */
    Lanes lanes();

    interface Retry {

        /**
         * The waits before each retry; after the last, the command goes to the DLQ as
         * {@code retryable-exhausted}.
         */
        @WithDefault("30s,2m,8m,30m")
        List<Duration> schedule();

        /** Each wait is drawn from ± this fraction around its value, so retries of many tenants spread out. */
        @WithDefault("0.2")
        double jitter();

        /** Wait before a command that spent its 429 waits goes again (not counted as an attempt). */
        @WithDefault("5s")
        Duration rateLimitedDelay();
    }

    interface Lanes {

        /**
         * Longest a command waits for its batch to fill: a lane writes at once when it holds a full
         * batch, otherwise when its oldest command has waited this long.
         */
        @WithDefault("250ms")
        Duration maxBatchDelay();

        /** Most commands one drain takes from a lane. */
        @WithDefault("1000")
        int drainSize();

        /** How often an idle lane looks for work other instances stored or retries that fell due. */
        @WithDefault("1s")
        Duration idlePoll();

        /** How long a writer instance owns a tenant's lane without renewing; another takes it over after. */
        @WithDefault("30s")
        Duration lease();
    }

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
