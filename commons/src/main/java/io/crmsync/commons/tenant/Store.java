package io.crmsync.commons.tenant;

import java.util.Map;
import java.util.Optional;

/**
 * One storefront of a tenant.
 *
 * @param webhookSecret         key the platform signs webhooks with (resolved)
 * @param previousWebhookSecret still accepted during a rotation, if set
 * @param adminApiBaseUrl       where the platform's admin API for this store answers
 * @param adminApiCredentials   credential name to value for that API (resolved)
 */
public record Store(String id, Platform platform, String webhookSecret, String previousWebhookSecret,
                    String adminApiBaseUrl, Map<String, String> adminApiCredentials) {

    public Optional<String> previousSecret() {
        return Optional.ofNullable(previousWebhookSecret).filter(s -> !s.isEmpty());
    }

    @Override
    public String toString() {
        return "Store[" + id + " " + platform.wire() + "]";
    }
}
