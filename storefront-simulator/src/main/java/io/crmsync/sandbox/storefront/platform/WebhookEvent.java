package io.crmsync.sandbox.storefront.platform;

import io.crmsync.commons.tenant.Platform;

import java.time.Instant;

/**
 * One change a platform notifies about. Every delivery attempt of it sends the same body; the
 * headers of each attempt come from {@link PlatformDialect#headers}.
 *
 * @param eventId     stable across retries (Shopify {@code X-Shopify-Event-Id}, Standard Webhooks {@code webhook-id})
 * @param topic       the platform's topic or scope
 * @param body        the exact bytes sent and signed
 * @param triggeredAt when the change happened
 */
public record WebhookEvent(String eventId, String storeId, Platform platform, String topic, String objectId,
                           byte[] body, Instant triggeredAt) {
}
