package io.crmsync.ingress.platform;

import io.crmsync.commons.tenant.Platform;

/**
 * Reads what a verified delivery is about (topic, canonical object, delivery identity) the way
 * one platform writes it; one bean per platform.
 */
public interface DeliveryParser {

    Platform platform();

    /** @throws MalformedDeliveryException when the delivery cannot be understood */
    ParsedDelivery parse(WebhookRequest request);

    /**
     * A platform's unsigned set-up call (WooCommerce's creation ping) that must be answered 200 and
     * is no event.
     */
    default boolean isHandshake(WebhookRequest request) {
        return false;
    }
}
