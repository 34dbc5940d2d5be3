package io.crmsync.reconciler.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Runs a poll cycle every {@code crmsync.reconciler.poll-interval} ({@code off} disables it). */
@ApplicationScoped
public class PollScheduler {

    private final PollCycleService cycles;

    public PollScheduler(PollCycleService cycles) {
        this.cycles = cycles;
    }

    @Scheduled(identity = "reconciler-poll", every = "${crmsync.reconciler.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        cycles.runCycleIfIdle();
    }
}
