package io.crmsync.sourceapi;

import io.crmsync.commons.tenant.Store;
import io.crmsync.commons.tenant.Tenants;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code crmsync_source_api_calls_total{tenant,platform,outcome}}: one count per HTTP call to an admin API. */
@ApplicationScoped
public class SourceApiMetrics {

    /** Outcomes of one call. */
    public enum Outcome {
        OK("ok"), RATE_LIMITED("rate_limited"), UNAVAILABLE("unavailable"), AUTH("auth"), NOT_FOUND("not_found");

        private final String tag;

        Outcome(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    public static final String CALLS = "crmsync.source.api.calls";

    private final MeterRegistry registry;
    private final Tenants tenants;

    public SourceApiMetrics(MeterRegistry registry, Tenants tenants) {
        this.registry = registry;
        this.tenants = tenants;
    }

    public void call(Store store, Outcome outcome) {
        String tenant = tenants.store(store.id()).map(binding -> binding.tenant().id()).orElse("unknown");
        registry.counter(CALLS, "tenant", tenant, "platform", store.platform().wire(), "outcome", outcome.tag()).increment();
    }
}
