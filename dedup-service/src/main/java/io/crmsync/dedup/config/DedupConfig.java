package io.crmsync.dedup.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Typed configuration of the dedup-service ({@code crmsync.dedup.*}). */
@ConfigMapping(prefix = "crmsync.dedup")
public interface DedupConfig {

    /** CloudEvents {@code ce_source} of the commands this service emits. */
    @WithDefault("/crm-sync/dedup-service")
    String eventSource();

    /** The transactional outbox relay. */
    Outbox outbox();

    /** The review queue of field conflicts. */
    Review review();

    interface Review {

        /**
         * How often {@code crmsync_review_items_open} is read from the database, besides right
         * after each change to the queue. Read by the scheduler.
         */
        @WithDefault("30s")
        Duration gaugeRefresh();
    }

    interface Outbox {

        /**
         * How often the relay looks for unsent rows without being woken: rows left by a process
         * that died after its commit, and batches whose send failed. Also read by the scheduler.
         */
        @WithDefault("1s")
        Duration pollInterval();

        /** Rows sent per relay transaction, in id order. */
        @WithDefault("100")
        int batchSize();

        /**
         * How long the relay waits for the broker to acknowledge a batch (acks=all). Rows not
         * acknowledged by then stay in the outbox and are sent again on a later pass.
         */
        @WithDefault("30s")
        Duration sendTimeout();
    }
}
