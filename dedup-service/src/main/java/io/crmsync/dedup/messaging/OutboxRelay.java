package io.crmsync.dedup.messaging;

import io.crmsync.dedup.OutboxMessage;
import io.crmsync.dedup.config.DedupConfig;
import io.crmsync.dedup.repository.OutboxRepository;
import io.crmsync.dedup.service.DedupMetrics;
import io.crmsync.dedup.service.OutboxWritten;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * Moves outbox rows to Kafka: in id order, a batch per transaction, deleting a row only after the
 * broker acknowledged it. Woken right after every commit that wrote rows (low latency) and run
 * on a schedule (rows of a process that died after its commit, failed sends). Holding the
 * PostgreSQL relay lease while it sends keeps a second replica from interleaving.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxRepository outbox;
    private final OutboxPublisher publisher;
    private final DedupConfig.Outbox config;
    private final DedupMetrics metrics;
    private final ExecutorService wakeups = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final ReentrantLock draining = new ReentrantLock();
    /** Passes in a row that failed outright; guarded by {@link #draining}. */
    private int failedPasses;

    public OutboxRelay(OutboxRepository outbox, OutboxPublisher publisher, DedupConfig config, DedupMetrics metrics) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.config = config.outbox();
        this.metrics = metrics;
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        wake();
    }

    /** Asks for a pass soon, off the caller's thread; wake-ups during a pass fold into one more pass. */
    public void wake() {
        if (stopped.get()) {
            return;
        }
        requested.set(true);
        try {
            wakeups.execute(this::drainWhileRequested);
        } catch (RejectedExecutionException e) {
            // Shutting down: what is left is sent by the next process.
        }
    }

    @Scheduled(identity = "outbox-relay", every = "${crmsync.dedup.outbox.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (stopped.get()) {
            return;
        }
        requested.set(true);
        drainWhileRequested();
    }

    private void drainWhileRequested() {
        // Whoever holds the lock re-checks the flag after releasing it, so no request is lost.
        while (requested.get() && !stopped.get()) {
            if (!draining.tryLock()) {
                return;
            }
            try {
                if (stopped.get()) {
                    return;
                }
                requested.set(false);
                drain();
            } finally {
                draining.unlock();
            }
        }
    }

    private void drain() {
        try {
            boolean more = true;
            while (more && !stopped.get()) {
                more = QuarkusTransaction.requiringNew()
                        .timeout((int) config.sendTimeout().plusSeconds(30).toSeconds())
                        .call(this::relayBatch);
            }
            if (failedPasses > 0) {
                LOG.infof("outbox relay working again after %d failed passes", failedPasses);
                failedPasses = 0;
            }
        } catch (RuntimeException e) {
            metrics.relayFailed();
            // One line per minute or so while the database is away, not one per pass.
            if (failedPasses++ % 60 == 0) {
                LOG.warnf("outbox relay pass failed (%d in a row), rows stay for the next pass: %s", failedPasses, e);
            }
        }
    }

    /** @return whether another full batch may be waiting */
    private boolean relayBatch() {
        if (!outbox.tryRelayLease()) {
            return false;
        }
        List<OutboxMessage> batch = outbox.nextBatch(config.batchSize());
        if (batch.isEmpty()) {
            metrics.outboxPending(0);
            return false;
        }
        int acknowledged = publisher.publish(batch, config.sendTimeout());
        List<OutboxMessage> sent = batch.subList(0, acknowledged);
        outbox.deleteSent(sent);
        sent.stream().collect(Collectors.groupingBy(OutboxMessage::topic, Collectors.counting()))
                .forEach((topic, count) -> metrics.relayed(topic, count.intValue()));
        metrics.outboxPending(outbox.count());
        if (acknowledged < batch.size()) {
            metrics.relayFailed();
            return false;
        }
        return batch.size() == config.batchSize();
    }

    /**
     * Stops before the datasource and the ORM do; a pass under way finishes its batch. Rows left
     * are sent by the next process.
     */
    void stop(@Observes ShutdownEvent shutdown) {
        stopped.set(true);
        wakeups.shutdown();
        try {
            // Wait for a pass under way; any pass that takes the lock after this sees the flag.
            if (draining.tryLock(config.sendTimeout().toSeconds() + 5, TimeUnit.SECONDS)) {
                draining.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
