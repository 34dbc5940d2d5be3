package io.crmsync.ingress.platform.bigcommerce;

/** The Standard Webhooks header names BigCommerce signs with (looked up case-insensitively). */
final class StandardWebhooksHeaders {

    /** Repeated unchanged on redelivery: the deduplication key. */
    static final String ID = "webhook-id";
    /** Seconds since the epoch at signing. */
    static final String TIMESTAMP = "webhook-timestamp";
    /** Space-separated {@code v1,<base64>} signatures (several while the sender rotates keys). */
    static final String SIGNATURE = "webhook-signature";

    private StandardWebhooksHeaders() {
    }
}
