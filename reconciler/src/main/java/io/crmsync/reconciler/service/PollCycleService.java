package io.crmsync.reconciler.service;

import io.crmsync.commons.tenant.Platform;
import io.crmsync.commons.tenant.Store;
import io.crmsync.commons.tenant.Tenant;
import io.crmsync.commons.tenant.Tenants;
import io.crmsync.reconciler.config.ReconcilerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One poll cycle: every store of every tenant in the registry whose platform has a
 * {@link SourcePoller}, each object type on its own cursor. Stores are polled concurrently and
 * independently ({@link StoreRuns}: bounded pool, time budget per store): a failing or slow store is
 * recorded and the others go on. Cycles never overlap, so a store's cursor has a
 * single writer in this process.
 */
@ApplicationScoped
public class PollCycleService {

    private static final Logger LOG = Logger.getLogger(PollCycleService.class);

    private final Tenants tenants;
    private final StoreRuns storeRuns;
    private final ReconcilerConfig config;
    private final Map<Platform, SourcePoller> pollers = new EnumMap<>(Platform.class);
    private final ReentrantLock running = new ReentrantLock();

    public PollCycleService(Tenants tenants, StoreRuns storeRuns, Instance<SourcePoller> pollers,
                            ReconcilerConfig config) {
        this.tenants = tenants;
        this.storeRuns = storeRuns;
        this.config = config;
        pollers.forEach(p -> this.pollers.put(p.platform(), p));
    }

    /** Runs a cycle now, after the one in progress if there is one. */
    public List<StorePollResult> runCycle() {
        try {
            if (!running.tryLock(config.cycleLockTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("a poll cycle has been running for over " + config.cycleLockTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the running poll cycle", e);
        }
        try {
            return cycle();
        } finally {
            running.unlock();
        }
    }

    /** Runs a cycle unless one is in progress (the schedule must not queue up behind a slow store). */
    public Optional<List<StorePollResult>> runCycleIfIdle() {
        if (!running.tryLock()) {
            return Optional.empty();
        }
        try {
            return Optional.of(cycle());
        } finally {
            running.unlock();
        }
    }

    private List<StorePollResult> cycle() {
        List<StorePollResult> results = new ArrayList<>();
        List<StoreRuns.StoreRun> runs = new ArrayList<>();
        for (Tenant tenant : tenants.all()) {
            for (Store store : tenant.stores()) {
                SourcePoller poller = pollers.get(store.platform());
                String platform = store.platform().wire();
                if (poller == null) {
                    results.add(StorePollResult.skipped(tenant.id(), store.id(), platform, "no poller for " + platform));
                } else if (store.adminApiBaseUrl() == null || store.adminApiBaseUrl().isBlank()) {
                    results.add(StorePollResult.skipped(tenant.id(), store.id(), platform, "no adminApi baseUrl"));
                } else {
                    runs.add(storeRuns.start(tenant, store, poller));
                }
            }
        }
        for (StoreRuns.StoreRun run : runs) {
            results.addAll(run.await());
        }
        LOG.debugf("poll cycle done: %s", results);
        return results;
    }
}
