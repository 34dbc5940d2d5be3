package io.crmsync.bench;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * Sends requests at the exact times of an {@link OpenLoopSchedule} and times each from its
 * scheduled send time to its answer. When the sender falls behind (a stall, or the in-flight bound
 * reached) it sends late but still measures from the scheduled time, so the delay is counted.
 */
public final class OpenLoopRunner {

    private final int maxInFlight;
    private final Duration drainTimeout;

    public OpenLoopRunner(int maxInFlight, Duration drainTimeout) {
        this.maxInFlight = maxInFlight;
        this.drainTimeout = drainTimeout;
    }

    /**
     * Runs the schedule.
     *
     * @param send           sends request {@code i} and completes with its status, or exceptionally
     * @param acceptedStatus the status that counts as accepted (202 for HTTP, 0 for a Kafka ack)
     */
    public OpenLoopResult run(int ratePerSecond, int warmupSeconds, int seconds,
                              LongFunction<CompletionStage<Integer>> send, int acceptedStatus) throws InterruptedException {
        // Start a little ahead so the first requests are not late by construction.
        OpenLoopSchedule schedule = OpenLoopSchedule.of(ratePerSecond, warmupSeconds, seconds,
                System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50));
        LatencyRecorder latencies = new LatencyRecorder();
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        LongAdder errors = new LongAdder();
        AtomicLong lastMeasuredAnswer = new AtomicLong(schedule.measuredFrom());
        Semaphore inFlight = new Semaphore(maxInFlight);
        CountDownLatch answered = new CountDownLatch(Math.toIntExact(schedule.totalCount()));

        for (long i = 0; i < schedule.totalCount(); i++) {
            long due = schedule.scheduledAt(i);
            parkUntil(due);
            inFlight.acquire();
            boolean measured = schedule.isMeasured(i);
            CompletionStage<Integer> answer;
            try {
                answer = send.apply(i);
            } catch (RuntimeException e) {
                answer = CompletableFuture.failedFuture(e);
            }
            answer.whenComplete((status, failure) -> {
                long now = System.nanoTime();
                if (measured) {
                    if (failure != null) {
                        errors.increment();
                    } else {
                        statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                        if (status == acceptedStatus) {
                            latencies.recordNanos(now - due);
                        }
                    }
                    lastMeasuredAnswer.accumulateAndGet(now, Math::max);
                }
                inFlight.release();
                answered.countDown();
            });
        }
        answered.await(drainTimeout.toMillis(), TimeUnit.MILLISECONDS);

        Map<Integer, Long> counts = new TreeMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.sum()));
        long window = Math.max(schedule.measuredNanos(), lastMeasuredAnswer.get() - schedule.measuredFrom());
        long accepted = counts.getOrDefault(acceptedStatus, 0L);
        // Requests still unanswered after the drain timeout count as errors, not as nothing.
        long answeredCount = counts.values().stream().mapToLong(Long::longValue).sum() + errors.sum();
        long failed = errors.sum() + Math.max(0, schedule.measuredCount() - answeredCount);
        return new OpenLoopResult(ratePerSecond, accepted / (window / 1e9), latencies.summary(), counts, failed);
    }

    private static void parkUntil(long due) {
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
