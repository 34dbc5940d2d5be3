package io.crmsync.writer.service;

import io.crmsync.writer.client.CrmRateLimitedException;
import io.crmsync.writer.config.WriterConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs a CRM call through the rate-limit rule: a 429 is a wait, not a failure. The call waits as
 * long as the CRM asked ({@code Retry-After}, capped; Salesforce names none) and goes again, up to {@code crmsync.writer.rate-limit.max-waits} times; then it fails as rate-limited and
 * its lane tries again soon without counting an attempt. Every other failure is the caller's: the
 * lane's retry schedule, not this class, retries an unavailable CRM.
 */
@ApplicationScoped
public class CrmCalls {

    private final WriterConfig config;

    public CrmCalls(WriterConfig config) {
        this.config = config;
    }

    public <T> T call(Supplier<T> call) {
        int waits = 0;
        while (true) {
            try {
                return call.get();
            } catch (CrmRateLimitedException e) {
                if (waits >= config.rateLimit().maxWaits()) {
                    throw e;
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
            throw new CrmRateLimitedException("interrupted while waiting out a rate limit", null);
        }
    }
}
