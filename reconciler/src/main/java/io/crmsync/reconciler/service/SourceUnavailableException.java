package io.crmsync.reconciler.service;

/**
 * A store's admin API could not be read: refused connection, timeout, 5xx, rate limit not lifting,
 * or an answer that is not the documented shape. The store's cursor stays where it was.
 */
public class SourceUnavailableException extends RuntimeException {

    public SourceUnavailableException(String message) {
        super(message);
    }

    public SourceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
