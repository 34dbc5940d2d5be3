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
    /** The normalized event could not be written to the broker within the producer's delivery timeout. */
    public static final String PUBLISH = "publish";

    private ErrorClass() {
    }
}
