package io.crmsync.writer.client;

/**
 * A CRM call that did not succeed. Messages name the endpoint, status and the CRM's error
 * category; they may quote the CRM's message, so they go to the DLQ header, never to a log line.
 */
public abstract class CrmCallException extends RuntimeException {

    protected CrmCallException(String message, Throwable cause) {
        super(message, cause);
    }

    /** What went wrong in one attempt, as the audit trail records it. */
    public abstract String kind();
}
