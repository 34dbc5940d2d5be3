package io.crmsync.sourceapi;

/**
 * A store's admin API did not give the object. Messages name the store, the platform's object
 * type and the HTTP status, never credentials, ids of people or response bodies.
 * Not retried unless it is a {@link SourceUnavailableException}.
 */
public class SourceApiException extends RuntimeException {

    public SourceApiException(String message) {
        super(message);
    }

    public SourceApiException(String message, Throwable cause) {
        super(message, cause);
    }
}
