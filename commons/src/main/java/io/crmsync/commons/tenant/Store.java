package io.crmsync.commons.tenant;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One storefront of a tenant.
 *
 * @param webhookSecret         key the platform signs webhooks with (resolved); null for platforms
 *                              that sign with a key pair
 * @param previousWebhookSecret still accepted during a rotation, if set
 * @param adminApiBaseUrl       where the platform's admin API for this store answers
 * @param adminApiCredentials   credential name to value for that API (resolved)
 * @param webhookPublicKeys     public keys (PEM or base64 SPKI, resolved) that verify webhooks
 *                              signed with a private key (Adobe I/O Events: both keys of its rotation pair)
 */
public record Store(String id, Platform platform, String webhookSecret, String previousWebhookSecret,
                    String adminApiBaseUrl, Map<String, String> adminApiCredentials, List<String> webhookPublicKeys) {

    /** A store whose platform signs with a shared secret. */
    public Store(String id, Platform platform, String webhookSecret, String previousWebhookSecret,
                 String adminApiBaseUrl, Map<String, String> adminApiCredentials) {
        this(id, platform, webhookSecret, previousWebhookSecret, adminApiBaseUrl, adminApiCredentials, List.of());
    }

    public Optional<String> previousSecret() {
        return Optional.ofNullable(previousWebhookSecret).filter(s -> !s.isEmpty());
    }

    @Override
    public String toString() {
        return "Store[" + id + " " + platform.wire() + "]";
    }
}
