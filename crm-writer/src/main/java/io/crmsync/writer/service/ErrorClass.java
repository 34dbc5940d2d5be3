package io.crmsync.writer.service;

/** Error classes of the writer's failures ({@code crmsync_error_class} header of its dead letters). */
public final class ErrorClass {

    /** The CRM refused the record (400, or a per-record error), or the writer found it unwritable. */
    public static final String VALIDATION = "validation";
    /** The CRM refused the credentials (401/403) or the registry has none: the tenant pauses. */
    public static final String AUTH = "auth";
    /** The CRM was unavailable (5xx, timeout, refused connection): retried on the schedule. */
    public static final String RETRYABLE = "retryable";
    /** Retryable failures through the whole retry schedule: to the DLQ for manual review. */
    public static final String RETRYABLE_EXHAUSTED = "retryable-exhausted";
    /** 429s beyond the waits allowed in one drain: tried again soon, never counted as a failure. */
    public static final String RATE_LIMITED = "rate-limited";
    /** Not a valid crm.record.upsert.v1 event: headers, JSON or schema. */
    public static final String CONTRACT = "contract";
    /** The command names a tenant the registry does not know. */
    public static final String UNKNOWN_TENANT = "unknown-tenant";
    /** The tenant's CRM kind has no adapter in this version. */
    public static final String UNSUPPORTED_CRM = "unsupported-crm";
    /** A defect or an unavailable database: nothing is known written; retried on the schedule. */
    public static final String INTERNAL = "internal";

    private ErrorClass() {
    }
}
