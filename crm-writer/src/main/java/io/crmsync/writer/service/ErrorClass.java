package io.crmsync.writer.service;

/** Error classes of the writer's dead letters ({@code crmsync_error_class} header). */
public final class ErrorClass {

    /** The CRM refused the record (400, or a per-record 207 error), or the writer found it unwritable. */
    public static final String VALIDATION = "validation";
    /** The CRM refused the credentials (401/403) or the registry has none. */
    public static final String AUTH = "auth";
    /** The CRM stayed unavailable (5xx, timeouts, endless 429s) through the whole retry schedule. */
    public static final String RETRYABLE_EXHAUSTED = "retryable-exhausted";
    /** Not a valid crm.record.upsert.v1 event: headers, JSON or schema. */
    public static final String CONTRACT = "contract";
    /** The command names a tenant the registry does not know. */
    public static final String UNKNOWN_TENANT = "unknown-tenant";
    /** The tenant's CRM kind has no adapter in this version. */
    public static final String UNSUPPORTED_CRM = "unsupported-crm";
    /** A defect or an unavailable database: nothing is known to have been written. */
    public static final String INTERNAL = "internal";

    private ErrorClass() {
    }
}
