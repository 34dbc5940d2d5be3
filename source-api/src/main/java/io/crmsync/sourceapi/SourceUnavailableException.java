package io.crmsync.sourceapi;

/**
 * Transient: the store could not be reached (connect or read timeout), answered 5xx or an
 * unreadable 200, or stayed rate limited past the bounded wait. Retried with backoff; counts as a
 * failure of the store's circuit breaker.
 */
public class SourceUnavailableException extends SourceApiException {

    public SourceUnavailableException(String message) {
        super(message);
    }

    public SourceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
