package io.crmsync.ingress.platform.shopify;

/**
 * Shopify's webhook header names: the classic {@code X-Shopify-*} ones and the unprefixed
 * {@code shopify-*} ones newer deliveries carry. Lookups are case-insensitive.
 */
final class ShopifyHeaders {

    static final String[] HMAC = {"X-Shopify-Hmac-Sha256", "shopify-hmac-sha256"};
    static final String[] TOPIC = {"X-Shopify-Topic", "shopify-topic"};
    /** The same for every delivery of one event, retries included: the deduplication key. */
    static final String[] EVENT_ID = {"X-Shopify-Event-Id", "shopify-event-id"};
    static final String[] WEBHOOK_ID = {"X-Shopify-Webhook-Id", "shopify-webhook-id"};
    static final String[] TRIGGERED_AT = {"X-Shopify-Triggered-At", "shopify-triggered-at"};

    private ShopifyHeaders() {
    }
}
