package io.crmsync.normalizer.messaging;

/**
 * Error classes of the normalizer's dead letters (header {@code crmsync_error_class} on
 * {@code commerce.webhook.received.v1.dlq}, tag {@code error_class} of {@code crmsync_dlq_records_total}).
 */
public final class ErrorClass {

    /** No CloudEvents envelope, wrong {@code ce_type}, not JSON, or data that violates its schema. */
    public static final String SCHEMA = "schema";
    /** A valid event whose payload has no mapping yet or cannot be mapped; replay once a mapper exists. */
    public static final String MAPPING = "mapping";
    /**
     * Fetch-back could not read the object: retries exhausted, the store's circuit breaker open,
     * the object not found (404), or the store has no admin API in the registry. Replay once the
     * store is back (or the registry fixed); a gone object stays gone.
     */
    public static final String SOURCE_UNAVAILABLE = "source-unavailable";
    /** Fetch-back was refused (401/403): the registry's admin API credentials are wrong or revoked. */
    public static final String AUTH = "auth";
    /** The normalized event could not be written to the broker within the producer's delivery timeout. */
    public static final String PUBLISH = "publish";

    private ErrorClass() {
    }
}
