package io.crmsync.reconciler.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code crmsync_reconcile_polled_total{tenant,store,object_type}} and
 * {@code crmsync_reconcile_poll_errors_total{tenant,store}}.
 */
@ApplicationScoped
public class PollMetrics {

    private final MeterRegistry registry;

    public PollMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void polled(String tenant, String store, String objectType, int count) {
        Counter.builder("crmsync.reconcile.polled")
                .description("Objects read from storefront admin APIs and published")
                .tag("tenant", tenant).tag("store", store).tag("object_type", objectType)
                .register(registry).increment(count);
    }

    public void error(String tenant, String store) {
        Counter.builder("crmsync.reconcile.poll.errors")
                .description("Polls of a store that failed (API unreachable, 5xx, rate limit, broker)")
                .tag("tenant", tenant).tag("store", store)
                .register(registry).increment();
    }
}
