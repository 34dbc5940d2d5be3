package io.crmsync.normalizer.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.crmsync.commons.tenant.Platform;
import io.crmsync.commons.tenant.Store;
import io.crmsync.contract.webhook.Delivery;
import io.crmsync.contract.webhook.WebhookReceived;
import io.crmsync.normalizer.config.NormalizerConfig;
import io.crmsync.sourceapi.SourceObjectReader;
import io.crmsync.sourceapi.SourceObjects;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FetchBackPolicyTest {

    /** Readers as the source-api module has them: none for Adobe Commerce. */
    private static final SourceObjects SOURCES = new SourceObjects(List.of(
            reader(Platform.BIGCOMMERCE, "order", "customer", "product", "fulfillment", "refund"),
            reader(Platform.SHOPIFY, "order", "customer", "product"),
            reader(Platform.WOOCOMMERCE, "order", "customer", "product")), null);

    @Test
    void bigCommerceIsAlwaysFetchedExceptDeletions() {
        FetchBackPolicy policy = new FetchBackPolicy(config(Set.of(), Set.of(), Set.of()), SOURCES);

        assertThat(policy.shouldFetch(event("bigcommerce", "store/order/created"))).isTrue();
        assertThat(policy.shouldFetch(event("bigcommerce", "store/order/refund/created"))).isTrue();
        assertThat(policy.shouldFetch(event("bigcommerce", "store/shipment/updated"))).isTrue();
        assertThat(policy.shouldFetch(event("bigcommerce", "store/product/deleted"))).isFalse();
    }

    @Test
    void shopifyAndWooCommerceOnlyOnConfiguredTopics() {
        FetchBackPolicy none = new FetchBackPolicy(config(Set.of(), Set.of(), Set.of()), SOURCES);
        FetchBackPolicy some = new FetchBackPolicy(config(Set.of("orders/updated"), Set.of("order.updated"), Set.of()), SOURCES);

        assertThat(none.shouldFetch(event("shopify", "orders/updated"))).isFalse();
        assertThat(none.shouldFetch(event("woocommerce", "order.updated"))).isFalse();
        assertThat(some.shouldFetch(event("shopify", "orders/updated"))).isTrue();
        assertThat(some.shouldFetch(event("shopify", "orders/create"))).isFalse();
        assertThat(some.shouldFetch(event("woocommerce", "order.updated"))).isTrue();
        assertThat(some.shouldFetch(event("adobe-commerce", "observer.sales_order_save_after"))).isFalse();
        assertThat(some.shouldFetch(event("not-a-platform", "orders/updated"))).isFalse();
    }

    @Test
    void adobeCommerceTopicsStopTheServiceAtStartup() {
        assertThatThrownBy(() -> new FetchBackPolicy(config(Set.of(), Set.of(), Set.of("observer.catalog_product_save_after")), SOURCES))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("crmsync.normalizer.fetch-back.adobe-commerce.topics")
                .hasMessageContaining("no admin API reader");
    }

    @Test
    void aTopicWhoseObjectCannotBeReadStopsTheServiceAtStartup() {
        assertThatThrownBy(() -> new FetchBackPolicy(config(Set.of("refunds/create"), Set.of(), Set.of()), SOURCES))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("crmsync.normalizer.fetch-back.shopify.topics")
                .hasMessageContaining("refunds/create");
        assertThat(FetchBackPolicy.objectType(Platform.SHOPIFY, "customers/update")).isEqualTo("customer");
        assertThat(FetchBackPolicy.objectType(Platform.WOOCOMMERCE, "product.deleted")).isEqualTo("product");
    }

    private static WebhookReceived event(String platform, String topic) {
        return new WebhookReceived(platform, "store", topic, "order", "1", new Delivery("d", true, Instant.now()),
                Instant.now(), JsonNodeFactory.instance.objectNode());
    }

    private static NormalizerConfig config(Set<String> shopify, Set<String> woo, Set<String> adobe) {
        return new NormalizerConfig() {
            @Override
            public String eventSource() {
                return "/normalizer";
            }

            @Override
            public FetchBack fetchBack() {
                return new FetchBack() {
                    @Override
                    public PlatformTopics shopify() {
                        return () -> Optional.of(shopify);
                    }

                    @Override
                    public PlatformTopics woocommerce() {
                        return () -> Optional.of(woo);
                    }

                    @Override
                    public PlatformTopics adobeCommerce() {
                        return () -> Optional.of(adobe);
                    }
                };
            }
        };
    }

    private static SourceObjectReader reader(Platform platform, String... objectTypes) {
        return new SourceObjectReader() {
            @Override
            public Platform platform() {
                return platform;
            }

            @Override
            public Set<String> objectTypes() {
                return Set.of(objectTypes);
            }

            @Override
            public JsonNode read(Store store, String objectType, String objectId, JsonNode thinPayload) {
                throw new UnsupportedOperationException("policy tests never read");
            }
        };
    }
}
