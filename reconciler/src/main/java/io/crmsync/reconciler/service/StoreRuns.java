package io.crmsync.reconciler.service;

import io.crmsync.commons.tenant.Store;
import io.crmsync.commons.tenant.Tenant;
import io.crmsync.reconciler.config.ReconcilerConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs each store's polls (its object types one after the other) on a bounded pool of
 * {@code crmsync.reconciler.store-concurrency} threads, so a slow or failing store does not delay
 * the others. A store still running {@code store-time-budget} after it started is reported as
 * failed and interrupted; until its poll has really ended it is not started again (one writer per
 * cursor), and its cursor moves only if that poll still completes every page.
 */
@ApplicationScoped
public class StoreRuns {

    private static final Logger LOG = Logger.getLogger(StoreRuns.class);
    private static final long NOT_STARTED = -1;
    private static final Duration QUEUED_CHECK = Duration.ofMillis(100);

    private final StorePollService storePolls;
    private final Duration budget;
    private final ExecutorService pool;
    /** {@code tenant/store} of polls still running, maybe past their budget in an earlier cycle. */
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    public StoreRuns(StorePollService storePolls, ReconcilerConfig config) {
        this.storePolls = storePolls;
        this.budget = config.storeTimeBudget();
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(Math.max(1, config.storeConcurrency()), task -> {
            Thread thread = new Thread(task, "reconciler-store-poll-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    void shutdown(@Observes ShutdownEvent event) {
        pool.shutdownNow();
    }

    /** Queues the store's polls; {@link StoreRun#await()} gives their results within the budget. */
    StoreRun start(Tenant tenant, Store store, SourcePoller poller) {
        String key = tenant.id() + "/" + store.id();
        if (!running.add(key)) {
            return StoreRun.done(failedAll(tenant, store, poller, "still polling since an earlier cycle (over its time budget)"));
        }
        AtomicLong startedNanos = new AtomicLong(NOT_STARTED);
        // Set when the cycle gives up on the store. The interrupt alone is not enough: a REST client
        // call it aborts clears the thread's flag, and the next object type would start anyway.
        AtomicBoolean abandoned = new AtomicBoolean();
        Future<List<StorePollResult>> future = pool.submit(() -> {
            startedNanos.set(System.nanoTime());
            try {
                List<StorePollResult> results = new ArrayList<>();
                for (String objectType : poller.objectTypes()) {
                    if (abandoned.get() || Thread.currentThread().isInterrupted()) {
                        break;
                    }
                    results.add(storePolls.poll(tenant, store, poller, objectType));
                }
                return results;
            } finally {
                running.remove(key);
            }
        });
        return new StoreRun(() -> collect(tenant, store, poller, future, startedNanos, abandoned, key));
    }

    private List<StorePollResult> collect(Tenant tenant, Store store, SourcePoller poller,
                                          Future<List<StorePollResult>> future, AtomicLong startedNanos,
                                          AtomicBoolean abandoned, String key) {
        while (true) {
            long started = startedNanos.get();
            long waitNanos = started == NOT_STARTED ? QUEUED_CHECK.toNanos() : started + budget.toNanos() - System.nanoTime();
            try {
                return future.get(Math.max(0, waitNanos), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                if (started != NOT_STARTED && System.nanoTime() - started >= budget.toNanos()) {
                    abandoned.set(true);
                    future.cancel(true);
                    LOG.warnf("poll of store %s of tenant %s ran past its time budget of %s; reported as failed",
                            store.id(), tenant.id(), budget);
                    return failedAll(tenant, store, poller, "time budget of " + budget + " exceeded");
                }
            } catch (ExecutionException | CancellationException e) {
                // StorePollService reports its own failures; this is anything else (a bug), kept to this store.
                running.remove(key);
                Throwable cause = e.getCause() == null ? e : e.getCause();
                LOG.errorf(cause, "poll of store %s of tenant %s broke", store.id(), tenant.id());
                return failedAll(tenant, store, poller, cause.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abandoned.set(true);
                if (future.cancel(true) && startedNanos.get() == NOT_STARTED) {
                    running.remove(key); // never ran, so its finally never will
                }
                return failedAll(tenant, store, poller, "interrupted");
            }
        }
    }

    /** The store reported as failed for each of its object types; its cursors are untouched. */
    private static List<StorePollResult> failedAll(Tenant tenant, Store store, SourcePoller poller, String reason) {
        return poller.objectTypes().stream().map(type -> new StorePollResult(tenant.id(), store.id(), store.platform().wire(),
                type, StorePollResult.Outcome.FAILED, 0, null, reason)).toList();
    }

    /** The outcome of one store's polls in a cycle, collected once the cycle has started every store. */
    static final class StoreRun {

        private final java.util.function.Supplier<List<StorePollResult>> results;

        private StoreRun(java.util.function.Supplier<List<StorePollResult>> results) {
            this.results = results;
        }

        static StoreRun done(List<StorePollResult> results) {
            return new StoreRun(() -> results);
        }

        List<StorePollResult> await() {
            return results.get();
        }
    }
}
