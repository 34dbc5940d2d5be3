package io.crmsync.contract;

/**
 * CloudEvents 1.0 Kafka binary-mode header names used by every topic, plus the project's
 * extensions. The data itself is the Kafka record value (JSON).
 */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String DATASCHEMA = "ce_dataschema";
    public static final String SPECVERSION = "ce_specversion";

    /** Extension attribute names (without the {@code ce_} prefix, as CloudEvents SDKs expect). */
    public static final String EXT_TENANT = "tenant";
    public static final String EXT_ORIGIN = "origin";

    /**
     * The platform's own id of the webhook delivery an event derives from, when the platform repeats
     * it on redelivery (Shopify {@code X-Shopify-Event-Id}, BigCommerce {@code webhook-id}, Adobe I/O
     * event id); absent for polled objects and for platforms without a stable id (WooCommerce).
     */
    public static final String EXT_DELIVERY_ID = "deliveryid";

    /**
     * When the source state an event carries was seen current at its source (ISO-8601 instant): a
     * Shopify webhook's {@code X-Shopify-Triggered-At}, else when the object was read (poll,
     * backfill, replay, fetch-back) or, failing both, received. Platforms give {@code updatedAt} in
     * whole seconds, so two states of one object can share it; the later observation is the newer.
     */
    public static final String EXT_OBSERVED_AT = "observedat";
    public static final String TENANT = "ce_" + EXT_TENANT;
    public static final String ORIGIN = "ce_" + EXT_ORIGIN;
    public static final String DELIVERY_ID = "ce_" + EXT_DELIVERY_ID;
    public static final String OBSERVED_AT = "ce_" + EXT_OBSERVED_AT;

    /** W3C trace context, propagated by OpenTelemetry's Kafka instrumentation. */
    public static final String TRACEPARENT = "traceparent";

    /** Added to dead-lettered records: one of the error classes of the failing service. */
    public static final String DLQ_ERROR_CLASS = "crmsync_error_class";
    public static final String DLQ_ERROR_MESSAGE = "crmsync_error_message";

    private CloudEventHeaders() {
    }
}
