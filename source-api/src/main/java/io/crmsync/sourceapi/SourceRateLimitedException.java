package io.crmsync.sourceapi;

import java.time.Duration;

/**
 * The store answered 429. Retried after the wait the platform asked for (the store's pacing holds
 * the next call back); not a failure of the circuit breaker, since the store is up and answering.
 */
public class SourceRateLimitedException extends SourceUnavailableException {

    private final Duration wait;

    public SourceRateLimitedException(String message, Duration wait) {
        super(message);
        this.wait = wait;
    }

    /** What the platform asked to wait ({@code Retry-After}, {@code X-Rate-Limit-Time-Reset-Ms}). */
    public Duration waitAsked() {
        return wait;
    }
}
