package io.crmsync.writer.service;

import io.crmsync.contract.command.SyncMode;
import io.crmsync.contract.control.TenantControl;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The writer's Prometheus metrics, all tagged by tenant: {@code crmsync_crm_writes_total},
 * {@code crmsync_crm_merges_total}, {@code crmsync_crm_api_calls_total}, {@code crmsync_crm_rate_limited_total},
 * {@code crmsync_crm_retries_total}, {@code crmsync_sync_latency_seconds}, {@code crmsync_dlq_records_total},
 * {@code crmsync_writer_queue_depth} and {@code crmsync_tenant_paused}.
 */
@ApplicationScoped
public class WriterMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> queueDepth = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> pausedGauges = new ConcurrentHashMap<>();
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

    /**
     * From the source's change ({@code sourceUpdatedAt}) to the confirmed CRM write, tagged
     * {@code sync_mode} so that history imported by a backfill (months old by design) stays out
     * of the real-time latency alert.
     */
    public void syncLatency(String tenant, SyncMode mode, Duration latency) {
        Timer.builder("crmsync.sync.latency")
                .description("Source change to CRM write")
                .tag("tenant", tenant)
                .tag("sync_mode", mode == SyncMode.BACKFILL ? "backfill" : "live")
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

    /** A command whose failure earned another attempt later ({@code error_class} of the failure). */
    public void retryScheduled(String tenant, String errorClass) {
        registry.counter("crmsync.crm.retries", "tenant", tenant, "error_class", errorClass).increment();
    }

    /** A 429 (or Salesforce's REQUEST_LIMIT_EXCEEDED): waited out, never counted as a failure. */
    public void rateLimited(String tenant) {
        registry.counter("crmsync.crm.rate.limited", "tenant", tenant).increment();
    }

    /** Commands waiting in each tenant's lane; tenants not named have none. */
    public void queueDepth(Map<String, Long> byTenant) {
        queueDepth.keySet().forEach(tenant -> queueDepth.get(tenant).set(byTenant.getOrDefault(tenant, 0L)));
        byTenant.forEach((tenant, depth) -> queueDepth.computeIfAbsent(tenant, t -> registry.gauge(
                "crmsync.writer.queue.depth", Tags.of("tenant", t), new AtomicLong())).set(depth));
    }

    /** 1 while the tenant is paused for that reason ({@code auth}: the alert; {@code operator}), else 0. */
    public void tenantState(TenantControl control) {
        for (String reason : List.of(TenantControl.REASON_AUTH, TenantControl.REASON_OPERATOR)) {
            boolean paused = control.state() == TenantControl.State.PAUSED && reason.equals(control.reason());
            pausedGauges.computeIfAbsent(control.tenant() + "/" + reason, k -> registry.gauge("crmsync.tenant.paused",
                    Tags.of("tenant", control.tenant(), "reason", reason), new AtomicInteger())).set(paused ? 1 : 0);
        }
    }

    /** Dead letters of one error class re-published to the input topic by an admin replay. */
    public void dlqReplayed(String tenant, String errorClass, long count) {
        registry.counter("crmsync.dlq.replayed", "tenant", tenant, "error_class", errorClass).increment(count);
    }
}
