package io.crmsync.writer.lane;

import io.crmsync.writer.config.WriterConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The waits of the retry schedule (default 30 s, 2 min, 8 min, 30 min: exponential, then the DLQ),
 * each drawn with jitter so that the retries of many tenants hit by one outage spread out.
 */
@ApplicationScoped
public class RetrySchedule {

    private final List<Duration> waits;
    private final double jitter;

    @Inject
    public RetrySchedule(WriterConfig config) {
        this(config.retry().schedule(), config.retry().jitter());
    }

    RetrySchedule(List<Duration> waits, double jitter) {
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("crmsync.writer.retry.jitter must be in [0, 1)");
        }
        this.waits = List.copyOf(waits);
        this.jitter = jitter;
    }

    /**
     * @param failedAttempts attempts failed so far, this one included (1 after the first)
     * @return the wait before the next attempt; empty when the schedule is spent
     */
    public Optional<Duration> after(int failedAttempts) {
        if (failedAttempts < 1 || failedAttempts > waits.size()) {
            return Optional.empty();
        }
        long millis = waits.get(failedAttempts - 1).toMillis();
        double factor = jitter == 0 ? 1 : ThreadLocalRandom.current().nextDouble(1 - jitter, 1 + jitter);
        return Optional.of(Duration.ofMillis(Math.round(millis * factor)));
    }
}
