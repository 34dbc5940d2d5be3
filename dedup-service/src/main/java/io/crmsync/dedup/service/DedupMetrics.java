package io.crmsync.dedup.service;

import io.crmsync.dedup.LinkReason;
import io.crmsync.dedup.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicLong;

/** The service's Prometheus metrics ({@code crmsync_*}), tagged by tenant where one is known. */
@ApplicationScoped
public class DedupMetrics {

    private final MeterRegistry registry;
    private final AtomicLong outboxPending = new AtomicLong();

    public DedupMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("crmsync.outbox.pending", outboxPending, AtomicLong::get)
                .description("Commands waiting in the outbox after the relay's last pass")
                .register(registry);
    }

    /** Counted after the transaction committed, so a retried transaction is not counted twice. */
    public void outcome(String tenant, Outcome outcome) {
        switch (outcome) {
            case APPLIED -> count("crmsync.dedup.events.applied", "Entity events that changed state and queued commands", tenant);
            case DUPLICATE -> count("crmsync.duplicates.suppressed", "Entity events dropped as replays of content already handled", tenant);
            case STALE -> count("crmsync.stale.updates.dropped", "Entity events dropped as older than the newest update applied", tenant);
        }
    }

    /** An entity type this service does not turn into CRM commands (yet): acknowledged and counted, never silent. */
    public void notSynced(String tenant, String eventType) {
        Counter.builder("crmsync.dedup.events.not.synced")
                .description("Entity events of types that produce no CRM command, by ce_type")
                .tag("tenant", tenant == null ? "unknown" : tenant)
                .tag("type", eventType)
                .register(registry).increment();
    }

    /** A golden contact retired into another, by the match rule that joined them ({@code same-email}, ...). */
    public void merged(String tenant, LinkReason reason) {
        Counter.builder("crmsync.identities.merged")
                .description("Golden contacts merged into another, by the match rule that joined them")
                .tag("tenant", tenant)
                .tag("reason", reason.wire())
                .register(registry).increment();
    }

    /** A merge an operator undid through the admin API. */
    public void mergeUndone(String tenant) {
        count("crmsync.identity.merges.undone", "Merges of golden contacts undone by an operator", tenant);
    }

    public void deadLetter(String tenant, String errorClass) {
        Counter.builder("crmsync.dlq.records")
                .description("Consumed records sent to the dead-letter topic, by error class")
                .tag("tenant", tenant == null ? "unknown" : tenant)
                .tag("error_class", errorClass)
                .register(registry).increment();
    }

    public void relayed(String topic, int count) {
        Counter.builder("crmsync.outbox.relayed")
                .description("Outbox rows the broker acknowledged")
                .tag("topic", topic)
                .register(registry).increment(count);
    }

    public void relayFailed() {
        Counter.builder("crmsync.outbox.relay.failures")
                .description("Relay passes that left rows behind (send not acknowledged, database error)")
                .register(registry).increment();
    }

    /** Rows waiting in the outbox after the relay's last pass: the queue depth to alert on. */
    public void outboxPending(long rows) {
        outboxPending.set(rows);
    }

    private void count(String name, String description, String tenant) {
        Counter.builder(name).description(description).tag("tenant", tenant).register(registry).increment();
    }
}
