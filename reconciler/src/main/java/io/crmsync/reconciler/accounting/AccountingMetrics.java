package io.crmsync.reconciler.accounting;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Per tenant, recomputed every {@code refresh}: {@code crmsync_reconcile_mismatches} (objects
 * received and not settled in the CRM within the grace period), {@code crmsync_reconcile_received}
 * and {@code crmsync_reconcile_settled} (objects in the window), and
 * {@code crmsync_reconcile_settled_ratio} (settled / received; 1 when nothing was received).
 */
@ApplicationScoped
public class AccountingMetrics {

    private static final Logger LOG = Logger.getLogger(AccountingMetrics.class);

    private final DeliveryAccounting accounting;
    private final MeterRegistry registry;
    private final AccountingConfig config;
    private final Map<String, Gauges> byTenant = new ConcurrentHashMap<>();
    private ScheduledExecutorService refresher;

    public AccountingMetrics(DeliveryAccounting accounting, MeterRegistry registry, AccountingConfig config) {
        this.accounting = accounting;
        this.registry = registry;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        refresher = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "accounting-metrics"));
        refresher.scheduleWithFixedDelay(this::refresh, 0, config.refresh().toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }

    /** Recomputes the gauges now. */
    public void refresh() {
        try {
            Map<String, SourceObjectStateRepository.Tally> tallies = accounting.tallies();
            byTenant.forEach((tenant, gauges) -> gauges.set(tallies.getOrDefault(tenant,
                    new SourceObjectStateRepository.Tally(0, 0, 0))));
            tallies.forEach((tenant, tally) -> byTenant.computeIfAbsent(tenant, this::register).set(tally));
        } catch (Exception e) {
            LOG.warnf("delivery accounting not refreshed: %s", e.toString());
        }
    }

    private Gauges register(String tenant) {
        Gauges gauges = new Gauges();
        Tags tags = Tags.of("tenant", tenant);
        registry.gauge("crmsync.reconcile.mismatches", tags, gauges.mismatched);
        registry.gauge("crmsync.reconcile.received", tags, gauges.received);
        registry.gauge("crmsync.reconcile.settled", tags, gauges.settled);
        registry.gauge("crmsync.reconcile.settled.ratio", tags, gauges, g -> g.ratio.get());
        return gauges;
    }

    private static final class Gauges {

        final AtomicLong mismatched = new AtomicLong();
        final AtomicLong received = new AtomicLong();
        final AtomicLong settled = new AtomicLong();
        final AtomicReference<Double> ratio = new AtomicReference<>(1.0);

        void set(SourceObjectStateRepository.Tally tally) {
            mismatched.set(tally.mismatched());
            received.set(tally.received());
            settled.set(tally.settled());
            ratio.set(tally.received() == 0 ? 1.0 : tally.settled() / (double) tally.received());
        }
    }
}
