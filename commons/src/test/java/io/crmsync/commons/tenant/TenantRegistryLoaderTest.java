package io.crmsync.commons.tenant;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenantRegistryLoaderTest {

    private static final String REGISTRY = """
            tenants:
              - id: acme
                liveSince: 2026-01-01
                crm:
                  kind: hubspot
                  baseUrl: http://crm.example/acme
                  credentials: { accessToken: "env:ACME_CRM_TOKEN" }
                  rateLimit: { requests: 190, perSeconds: 10 }
                stores:
                  - id: acme-shopify
                    platform: shopify
                    webhookSecret: "env:ACME_SHOPIFY_SECRET"
                    previousWebhookSecret: old-secret
                    adminApi:
                      baseUrl: http://shop.example/acme-shopify
                      credentials: { accessToken: plain-token }
                  - id: acme-woo
                    platform: woocommerce
                    webhookSecret: woo-secret
                  - id: acme-adobe
                    platform: adobe-commerce
                    webhookPublicKeys: ["env:ADOBE_KEY_1", "key-two-inline"]
              - id: globex
                liveSince: 2026-02-01
                crm: { kind: salesforce, account: globex-org, baseUrl: http://crm.example/globex }
                stores:
                  - { id: globex-bc, platform: bigcommerce, webhookSecret: bc-secret }
            """;

    private final TenantRegistryLoader loader = new TenantRegistryLoader(
            Map.of("ACME_CRM_TOKEN", "crm-token", "ACME_SHOPIFY_SECRET", "shopify-secret", "ADOBE_KEY_1", "key-one")::get);

    @Test
    void resolvesStoresToTheirTenantAndSecretsFromReferences() {
        TenantRegistry registry = loader.parse(REGISTRY.getBytes(StandardCharsets.UTF_8));

        StoreBinding shop = registry.store("acme-shopify").orElseThrow();
        assertThat(shop.tenant().id()).isEqualTo("acme");
        assertThat(shop.store().platform()).isEqualTo(Platform.SHOPIFY);
        assertThat(shop.store().webhookSecret()).isEqualTo("shopify-secret");
        assertThat(shop.store().previousSecret()).contains("old-secret");
        assertThat(shop.store().adminApiCredentials()).containsEntry("accessToken", "plain-token");
        assertThat(shop.tenant().crm().credentials()).containsEntry("accessToken", "crm-token");
        assertThat(shop.tenant().crm().account()).isEqualTo("acme");
        assertThat(registry.store("globex-bc").orElseThrow().tenant().crm().kind()).isEqualTo(CrmKind.SALESFORCE);
        assertThat(registry.tenant("globex").orElseThrow().crm().rateLimit()).isEqualTo(new RateLimit(100, 10));
        assertThat(registry.store("nope")).isEmpty();
        assertThat(Platform.find("magento1")).isEmpty();
        assertThat(registry.tenant("globex").orElseThrow().liveSince()).isEqualTo(LocalDate.of(2026, 2, 1));
    }

    @Test
    void adobeStoresVerifyWithPublicKeysInsteadOfASecret() {
        Store adobe = loader.parse(REGISTRY.getBytes(StandardCharsets.UTF_8)).store("acme-adobe").orElseThrow().store();
        assertThat(adobe.webhookSecret()).isNull();
        assertThat(adobe.webhookPublicKeys()).containsExactly("key-one", "key-two-inline");

        String keyless = REGISTRY.lines().filter(line -> !line.contains("webhookPublicKeys"))
                .collect(java.util.stream.Collectors.joining("\n"));
        assertThatThrownBy(() -> loader.parse(keyless.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("acme-adobe has no 'webhookPublicKeys'");
    }

    @Test
    void objectsCreatedBeforeGoLiveAreHistory() {
        Tenant acme = loader.parse(REGISTRY.getBytes(StandardCharsets.UTF_8)).tenant("acme").orElseThrow();
        assertThat(acme.isHistory(Instant.parse("2025-12-31T23:59:59Z"))).isTrue();
        assertThat(acme.isHistory(Instant.parse("2026-01-01T00:00:00Z"))).isFalse();
    }

    @Test
    void aMissingSecretNamesTheReferenceNotAValue() {
        TenantRegistryLoader bare = new TenantRegistryLoader(name -> null);
        assertThatThrownBy(() -> bare.parse(REGISTRY.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidRegistryException.class)
                .hasMessageContaining("ACME_SHOPIFY_SECRET");
    }

    @Test
    void duplicateStoreIdsAndUnknownPlatformsAreRefused() {
        String dup = REGISTRY.replace("id: acme-woo", "id: acme-shopify");
        assertThatThrownBy(() -> loader.parse(dup.getBytes(StandardCharsets.UTF_8))).hasMessageContaining("appears twice");
        String bad = REGISTRY.replace("platform: woocommerce", "platform: magento1");
        assertThatThrownBy(() -> loader.parse(bad.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidRegistryException.class).hasMessageNotContaining("woo-secret");
    }
}
