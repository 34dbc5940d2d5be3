package io.crmsync.dedup.ownership;

import io.crmsync.commons.tenant.Tenants;
import io.crmsync.dedup.repository.ReviewItemRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code crmsync_field_conflicts_total{tenant,field}} (every value held back for review, counted
 * after its transaction committed: the "conflict rate" alert divides it by events applied) and
 * {@code crmsync_review_items_open{tenant}}, read from the database (so it is the same on every
 * replica) on a schedule and right after each change to the queue.
 */
@ApplicationScoped
public class OwnershipMetrics {

    private static final Logger LOG = Logger.getLogger(OwnershipMetrics.class);

    private final MeterRegistry registry;
    private final Tenants tenants;
    private final ReviewItemRepository reviewItems;
    private final Map<String, AtomicLong> open = new ConcurrentHashMap<>();
    private final ExecutorService refreshes = Executors.newSingleThreadExecutor(r -> new Thread(r, "review-gauge"));

    public OwnershipMetrics(MeterRegistry registry, Tenants tenants, ReviewItemRepository reviewItems) {
        this.registry = registry;
        this.tenants = tenants;
        this.reviewItems = reviewItems;
    }

    void onConflicts(@Observes(during = TransactionPhase.AFTER_SUCCESS) FieldConflicts conflicts) {
        conflicts.fields().forEach(field -> Counter.builder("crmsync.field.conflicts")
                .description("Commerce values held back for review because another source set the field")
                .tag("tenant", conflicts.tenant())
                .tag("field", field)
                .register(registry).increment());
        if (conflicts.newlyQueued() > 0) {
            refreshSoon();
        }
    }

    void onResolved(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReviewQueueChanged changed) {
        refreshSoon();
    }

    @Scheduled(identity = "review-gauge", every = "${crmsync.dedup.review.gauge-refresh:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            Map<String, Long> counts = QuarkusTransaction.requiringNew().call(reviewItems::openPerTenant);
            tenants.all().forEach(tenant -> gauge(tenant.id()));
            counts.keySet().forEach(this::gauge);
            open.forEach((tenant, value) -> value.set(counts.getOrDefault(tenant, 0L)));
        } catch (RuntimeException e) {
            LOG.warnf("open review items not counted: %s", e.toString());
        }
    }

    /** Off the committing thread: a consumer does not wait for a count. */
    private void refreshSoon() {
        try {
            refreshes.execute(this::refresh);
        } catch (RejectedExecutionException e) {
            // Shutting down.
        }
    }

    private AtomicLong gauge(String tenant) {
        return open.computeIfAbsent(tenant, t -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("crmsync.review.items.open", value, AtomicLong::get)
                    .description("Review items waiting for an operator")
                    .tag("tenant", t)
                    .register(registry);
            return value;
        });
    }

    void stop(@Observes ShutdownEvent event) {
        refreshes.shutdownNow();
    }
}
