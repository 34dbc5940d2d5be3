package io.crmsync.normalizer.mapping;

import io.crmsync.contract.webhook.WebhookReceived;

/**
 * Maps one storefront platform's payloads into the canonical model v1. One CDI bean per platform;
 * the normalizer picks it by {@link WebhookReceived#platform()}.
 */
public interface PlatformMapper {

    /** The platform's wire name, as in the tenant registry: {@code shopify}, {@code woocommerce}, ... */
    String platform();

    /**
     * @throws MappingException when this platform's topic has no mapping (yet) or the payload
     *                          lacks what the canonical entity requires
     */
    Normalized<?> map(WebhookReceived event);
}
