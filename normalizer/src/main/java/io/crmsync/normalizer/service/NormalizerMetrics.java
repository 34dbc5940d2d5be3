package io.crmsync.normalizer.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The normalizer's Prometheus counters: {@code crmsync_events_normalized_total{tenant,platform,object_type}}
 * and {@code crmsync_dlq_records_total{tenant,error_class,service}}.
 */
@ApplicationScoped
public class NormalizerMetrics {

    /** Tenant tag of a record whose envelope could not be read. */
    public static final String UNKNOWN_TENANT = "unknown";

    private final MeterRegistry registry;
    private final String service;

    public NormalizerMetrics(MeterRegistry registry, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.registry = registry;
        this.service = service;
    }

    public void normalized(String tenant, String platform, String objectType) {
        registry.counter("crmsync.events.normalized", "tenant", tenant, "platform", platform, "object_type", objectType)
                .increment();
    }

    public void deadLettered(String tenant, String errorClass) {
        registry.counter("crmsync.dlq.records", "tenant", tenant, "error_class", errorClass, "service", service)
                .increment();
    }
}
