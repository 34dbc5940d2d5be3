package io.crmsync.ingress.platform.woocommerce;

/** WooCommerce's webhook header names (looked up case-insensitively). */
final class WooCommerceHeaders {

    static final String SIGNATURE = "X-WC-Webhook-Signature";
    /** {@code <resource>.<event>}, e.g. {@code order.updated}. */
    static final String TOPIC = "X-WC-Webhook-Topic";

    private WooCommerceHeaders() {
    }
}
