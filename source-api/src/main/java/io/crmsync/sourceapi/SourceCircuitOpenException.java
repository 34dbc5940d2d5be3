package io.crmsync.sourceapi;

/**
 * The store's circuit breaker is open: its recent calls failed, so this one was not attempted.
 * Not retried (the breaker stays open for its delay); the record fails fast.
 */
public class SourceCircuitOpenException extends SourceUnavailableException {

    public SourceCircuitOpenException(String message, Throwable cause) {
        super(message, cause);
    }
}
