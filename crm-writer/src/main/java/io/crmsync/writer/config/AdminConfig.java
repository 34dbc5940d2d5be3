package io.crmsync.writer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the admin API's dead-letter listing and replay. */
@ConfigMapping(prefix = "crmsync.writer.admin")
public interface AdminConfig {

    /** Dead letters of the {@code crm-record-upsert} channel. */
    DeadLetters deadLetters();

    interface DeadLetters {

        /** The DLQ topic listed and replayed from (the channel's {@code dead-letter-queue.topic}). */
        @WithDefault("crm.record.upsert.v1.dlq")
        String topic();

        /** Where replayed dead letters are published (the channel's input topic). */
        @WithDefault("crm.record.upsert.v1")
        String replayTopic();

        /** Longest one listing or replay may spend reading the DLQ topic before it answers 503. */
        @WithDefault("30s")
        Duration readTimeout();

        /** Longest the broker may take to acknowledge a replay's records before it answers 503. */
        @WithDefault("60s")
        Duration publishTimeout();

        /**
         * Most dead letters one replay re-publishes; a request matching more is refused as a whole
         * (narrow the time range) rather than replayed in part.
         */
        @WithDefault("10000")
        int replayMaxRecords();
    }
}
