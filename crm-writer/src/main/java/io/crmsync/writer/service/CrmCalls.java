package io.crmsync.writer.service;

import io.crmsync.writer.client.CrmRateLimitedException;
import io.crmsync.writer.client.CrmUnavailableException;
import io.crmsync.writer.config.WriterConfig;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * Runs CRM calls through the writer's resilience rules. A 429 is a wait, not a failure: the call
 * waits {@code Retry-After} and goes again. An unavailable CRM (5xx, timeout, refused connection,
 * or 429s that never end) is retried with exponential backoff; the schedule is the fault-tolerance
 * configuration of {@code io.crmsync.writer.service.CrmCalls/call}. Other failures (auth,
 * validation) are not retried. The caller's thread (and trace context) runs every attempt.
 */
@ApplicationScoped
public class CrmCalls {

    private final WriterConfig config;

    public CrmCalls(WriterConfig config) {
        this.config = config;
    }

    @Retry(retryOn = CrmUnavailableException.class, maxRetries = 6, delay = 1, delayUnit = ChronoUnit.SECONDS,
            maxDuration = 5, durationUnit = ChronoUnit.MINUTES)
    @ExponentialBackoff(maxDelay = 60, maxDelayUnit = ChronoUnit.SECONDS)
    public <T> T call(CrmCall<T> call) {
        int waits = 0;
        while (true) {
            try {
                return call.next();
            } catch (CrmRateLimitedException e) {
                if (waits >= config.rateLimit().maxWaits()) {
                    throw new CrmUnavailableException("still rate limited after " + waits + " waits: " + e.getMessage(), e);
                }
                waits++;
                pause(waitFor(e.retryAfter()));
            }
        }
    }

    private Duration waitFor(Duration retryAfter) {
        Duration wait = retryAfter == null || retryAfter.isZero() ? config.rateLimit().defaultWait() : retryAfter;
        return wait.compareTo(config.rateLimit().maxWait()) > 0 ? config.rateLimit().maxWait() : wait;
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CrmUnavailableException("interrupted while waiting out a rate limit", e);
        }
    }
}
