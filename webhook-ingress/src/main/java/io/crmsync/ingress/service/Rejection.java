package io.crmsync.ingress.service;

import io.crmsync.ingress.platform.MalformedDeliveryException;

/**
 * Why a delivery was not accepted: the HTTP status the storefront gets and the short reason given
 * in the error body and the {@code reason} tag of {@code crmsync_webhooks_rejected_total}.
 */
public enum Rejection {
    UNKNOWN_STORE(404, "unknown_store"),
    UNSUPPORTED_PLATFORM(404, "unsupported_platform"),
    MISSING_SIGNATURE(401, "missing_signature"),
    BAD_SIGNATURE(401, "bad_signature"),
    STALE_TIMESTAMP(401, "stale_timestamp"),
    PAYLOAD_TOO_LARGE(413, "payload_too_large"),
    MALFORMED_BODY(400, "malformed_body"),
    MISSING_ID(400, "missing_id"),
    UNKNOWN_TOPIC(400, "unknown_topic"),
    /** The tenant's token bucket is empty; answered with {@code Retry-After}. */
    OVER_QUOTA(429, "over_quota"),
    /** The broker did not acknowledge in time; the storefront retries. */
    NOT_DURABLE(503, "not_durable");

    private final int status;
    private final String reason;

    Rejection(int status, String reason) {
        this.status = status;
        this.reason = reason;
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    static Rejection of(MalformedDeliveryException.Reason reason) {
        return switch (reason) {
            case MALFORMED_BODY -> MALFORMED_BODY;
            case MISSING_ID -> MISSING_ID;
            case UNKNOWN_TOPIC -> UNKNOWN_TOPIC;
        };
    }
}
