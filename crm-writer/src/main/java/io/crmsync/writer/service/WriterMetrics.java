package io.crmsync.writer.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The writer's Prometheus metrics, all tagged by tenant: {@code crmsync_crm_writes_total},
 * {@code crmsync_crm_merges_total}, {@code crmsync_crm_api_calls_total}, {@code crmsync_sync_latency_seconds} and
 * {@code crmsync_dlq_records_total}.
 */
@ApplicationScoped
public class WriterMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> dailyUsed = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> dailyLimit = new ConcurrentHashMap<>();

    public WriterMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One consumed command's final outcome: {@code created|updated|coalesced|failed}. */
    public void write(String tenant, String crmObjectType, String outcome) {
        registry.counter("crmsync.crm.writes", "tenant", tenant, "object_type", crmObjectType, "outcome", outcome)
                .increment();
    }

    /** One consumed merge command's outcome: {@code merged|adopted|aliased|replayed|failed}. */
    public void merge(String tenant, String crmObjectType, String outcome) {
        registry.counter("crmsync.crm.merges", "tenant", tenant, "object_type", crmObjectType, "outcome", outcome)
                .increment();
    }

    /**
     * One HTTP request to a CRM. {@code endpoint} is method and path without the account prefix
     * (as the sandbox's stats name it); {@code status} the HTTP status or {@code io-error}.
     */
    public void apiCall(String tenant, String endpoint, String status) {
        registry.counter("crmsync.crm.api.calls", "tenant", tenant, "endpoint", endpoint, "status", status).increment();
    }

    /** From the source's change ({@code sourceUpdatedAt}) to the confirmed CRM write. */
    public void syncLatency(String tenant, Duration latency) {
        Timer.builder("crmsync.sync.latency")
                .description("Source change to CRM write")
                .tag("tenant", tenant)
                .publishPercentileHistogram()
                // The real-time alert fires above 15 minutes: make that a bucket boundary.
                .serviceLevelObjectives(Duration.ofMinutes(15))
                .minimumExpectedValue(Duration.ofMillis(50))
                .maximumExpectedValue(Duration.ofDays(1))
                .register(registry)
                .record(latency);
    }

    /**
     * The CRM's daily API usage as its last answer stated it (Salesforce's {@code Sforce-Limit-Info}):
     * {@code crmsync_crm_api_daily_used} and {@code crmsync_crm_api_daily_limit}, so the quota can be alerted on.
     */
    public void crmApiDailyUsage(String tenant, long used, long limit) {
        dailyGauge(dailyUsed, "crmsync.crm.api.daily.used", tenant).set(used);
        dailyGauge(dailyLimit, "crmsync.crm.api.daily.limit", tenant).set(limit);
    }

    private AtomicLong dailyGauge(Map<String, AtomicLong> gauges, String name, String tenant) {
        return gauges.computeIfAbsent(tenant, t -> registry.gauge(name, Tags.of("tenant", t), new AtomicLong()));
    }

    /** A consumed record sent to the dead-letter topic. */
    public void deadLetter(String tenant, String errorClass) {
        registry.counter("crmsync.dlq.records", "tenant", tenant, "topic", "crm.record.upsert.v1.dlq",
                "error_class", errorClass).increment();
    }
}
