package io.crmsync.reconciler.backfill;

import io.crmsync.commons.tenant.Platform;
import io.crmsync.commons.tenant.Store;
import io.crmsync.commons.tenant.Tenant;
import io.crmsync.commons.tenant.Tenants;
import io.crmsync.reconciler.messaging.WebhookReceivedPublisher;
import io.crmsync.reconciler.service.CursorPosition;
import io.crmsync.reconciler.service.PolledEvents;
import io.crmsync.reconciler.service.PolledObject;
import io.crmsync.reconciler.service.SourcePoller;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Imports a store's history from a date: one job per object type, each reading the store's admin
 * API with the platform's poller from that date on and publishing to
 * {@code commerce.webhook.received.v1} like a poll. Objects created before the tenant's go-live
 * travel with origin {@code backfill} (the CRM records carry the backfill marker and fire no
 * automation); newer ones with origin {@code poll}. Jobs run one at a time on a thread of their
 * own, pausing between pages, so live traffic keeps priority; each page's position is stored, so
 * a job interrupted by a restart resumes where it was.
 */
@ApplicationScoped
public class BackfillService {

    private static final Logger LOG = Logger.getLogger(BackfillService.class);

    private final Tenants tenants;
    private final Map<Platform, SourcePoller> pollers = new EnumMap<>(Platform.class);
    private final BackfillJobRepository jobs;
    private final WebhookReceivedPublisher publisher;
    private final BackfillConfig config;
    private final MeterRegistry registry;
    private ExecutorService runner;

    public BackfillService(Tenants tenants, Instance<SourcePoller> pollers, BackfillJobRepository jobs,
                           WebhookReceivedPublisher publisher, BackfillConfig config, MeterRegistry registry) {
        this.tenants = tenants;
        this.jobs = jobs;
        this.publisher = publisher;
        this.config = config;
        this.registry = registry;
        pollers.forEach(p -> this.pollers.put(p.platform(), p));
    }

    /** The tenant, store or platform does not allow a backfill. */
    public static final class BackfillRefused extends RuntimeException {

        public BackfillRefused(String message) {
            super(message);
        }
    }

    /** No backfill has that id. */
    public static final class UnknownBackfill extends RuntimeException {

        public UnknownBackfill(String id) {
            super("no backfill " + id);
        }
    }

    void start(@Observes StartupEvent event) throws SQLException {
        runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "backfill"));
        resumeRunning();
    }

    void stop(@Observes ShutdownEvent event) {
        if (runner != null) {
            runner.shutdownNow();
        }
    }

    /** Queues every job left running (by a restart) to continue from its stored position. */
    public void resumeRunning() throws SQLException {
        for (BackfillJob job : jobs.running()) {
            LOG.infof("backfill %s of %s %s (tenant %s) resumes at %s", job.id(), job.storeId(), job.objectType(),
                    job.tenant(), job.position().modifiedSince());
            runner.submit(() -> run(job.id()));
        }
    }

    /**
     * @param objectTypes the object types to import; empty: all the store's poller lists
     * @return the jobs created, queued to run
     */
    public List<BackfillJob> start(String tenantId, String storeId, Instant since, List<String> objectTypes,
                                   String requestedBy) throws SQLException {
        Tenant tenant = tenants.tenant(tenantId).orElseThrow(() -> new BackfillRefused("unknown tenant " + tenantId));
        Store store = tenant.store(storeId).orElseThrow(() ->
                new BackfillRefused("tenant " + tenantId + " has no store " + storeId));
        SourcePoller poller = poller(store);
        List<String> types = objectTypes == null || objectTypes.isEmpty() ? poller.objectTypes() : objectTypes;
        for (String type : types) {
            if (!poller.objectTypes().contains(type)) {
                throw new BackfillRefused("the " + store.platform().wire() + " poller cannot list " + type);
            }
        }
        Instant now = Instant.now();
        List<BackfillJob> created = new ArrayList<>();
        for (String type : types) {
            BackfillJob job = new BackfillJob(UUID.randomUUID().toString(), tenantId, storeId, type, since,
                    new CursorPosition(since, null), BackfillJob.RUNNING, 0, null, requestedBy, now, now);
            jobs.insert(job);
            created.add(job);
            runner.submit(() -> run(job.id()));
        }
        LOG.infof("backfill of %s (tenant %s) from %s requested by %s: %s", storeId, tenantId, since, requestedBy, types);
        return created;
    }

    /** A failed job goes again from where it stopped. */
    public BackfillJob resume(String id) throws SQLException {
        BackfillJob job = jobs.find(id).orElseThrow(() -> new UnknownBackfill(id));
        if (!BackfillJob.FAILED.equals(job.status())) {
            throw new BackfillRefused("backfill " + id + " is " + job.status() + ", only a failed one resumes");
        }
        jobs.finished(id, BackfillJob.RUNNING, null);
        runner.submit(() -> run(id));
        return jobs.find(id).orElseThrow();
    }

    private void run(String id) {
        try {
            BackfillJob job = jobs.find(id).orElseThrow();
            Tenant tenant = tenants.tenant(job.tenant()).orElseThrow(() ->
                    new BackfillRefused("tenant " + job.tenant() + " left the registry"));
            Store store = tenant.store(job.storeId()).orElseThrow(() ->
                    new BackfillRefused("store " + job.storeId() + " left the registry"));
            CursorPosition[] position = {job.position()};
            poller(store).poll(store, job.objectType(), job.position().modifiedSince(), page -> {
                publish(tenant, store, job, page);
                for (PolledObject object : page) {
                    position[0] = position[0].advance(object.updatedAt(), object.objectId());
                }
                record(id, position[0], page.size());
                pause();
            });
            jobs.finished(id, BackfillJob.DONE, null);
            LOG.infof("backfill %s of %s %s (tenant %s) done", id, job.storeId(), job.objectType(), job.tenant());
        } catch (Exception e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.warnf("backfill %s failed; it can be resumed from where it stopped: %s", id, reason);
            try {
                jobs.finished(id, BackfillJob.FAILED, reason);
            } catch (SQLException again) {
                LOG.errorf("backfill %s: its failure could not be recorded (it resumes at the next start): %s", id, again);
            }
        }
    }

    private void publish(Tenant tenant, Store store, BackfillJob job, List<PolledObject> page) {
        Instant receivedAt = Instant.now();
        publisher.publishAll(page.stream().map(o -> PolledEvents.of(tenant, store, o, receivedAt)).toList());
        registry.counter("crmsync.backfill.published", "tenant", tenant.id(), "store", store.id(),
                "object_type", job.objectType()).increment(page.size());
    }

    private void record(String id, CursorPosition position, int published) {
        try {
            jobs.advanced(id, position, published);
        } catch (SQLException e) {
            throw new IllegalStateException("backfill " + id + ": its position could not be stored", e);
        }
    }

    private void pause() {
        try {
            Thread.sleep(config.pagePause().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("backfill interrupted (it resumes at the next start)", e);
        }
    }

    private SourcePoller poller(Store store) {
        SourcePoller poller = pollers.get(store.platform());
        if (poller == null) {
            throw new BackfillRefused("no poller for " + store.platform().wire() + " stores");
        }
        return poller;
    }
}
