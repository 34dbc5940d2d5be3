package io.crmsync.normalizer.mapping.woocommerce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmsync.contract.EventType;
import io.crmsync.contract.model.Product;
import io.crmsync.contract.model.ProductVariant;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.normalizer.mapping.MappingException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.crmsync.normalizer.mapping.woocommerce.WooCommercePayloads.STORE;
import static io.crmsync.normalizer.mapping.woocommerce.WooCommercePayloads.assertValidAndRoundTrips;
import static io.crmsync.normalizer.mapping.woocommerce.WooCommercePayloads.fixture;
import static io.crmsync.normalizer.mapping.woocommerce.WooCommercePayloads.ours;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WooCommerceProductMappingTest {

    private final WooCommerceProductMapping mapping = new WooCommerceProductMapping();

    @Test
    void mapsTheRealRetrievedSimpleProduct() {
        Product product = mapping.map(STORE, fixture("product_retrieve_v3.json"));

        assertThat(product).isEqualTo(new Product(
                new SourceRef("woocommerce", STORE, "product", "794"),
                "Premium Quality",
                null,           // sku ""
                "21.99",
                null,           // the product states no currency
                "publish",
                List.of(),
                Instant.parse("2017-03-23T20:01:14Z"),
                Instant.parse("2017-03-23T20:01:14Z"),
                null));
        assertValidAndRoundTrips(EventType.PRODUCT_NORMALIZED, product);
    }

    @Test
    void variableProductHasOneVariantPerVariationId() {
        Product product = mapping.map(STORE, ours("product-variable.json"));

        assertThat(product.title()).isEqualTo("Öko-T-Shirt");
        assertThat(product.sku()).isEqualTo("TEE-OEKO");
        assertThat(product.price()).isEqualTo("29.95");
        assertThat(product.variants()).containsExactly(
                new ProductVariant("111", null, null, null),
                new ProductVariant("112", null, null, null),
                new ProductVariant("113", null, null, null),
                new ProductVariant("114", null, null, null));
        assertThat(product.updatedAt()).isEqualTo(Instant.parse("2026-02-28T15:45:10Z"));
        assertValidAndRoundTrips(EventType.PRODUCT_NORMALIZED, product);
    }

    @Test
    void blankPriceIsAbsent() {
        Product product = mapping.map(STORE, ours("product-variable.json").put("price", ""));

        assertThat(product.price()).isNull();
        assertValidAndRoundTrips(EventType.PRODUCT_NORMALIZED, product);
    }

    @Test
    void variationsThatAreNotIdsAreAMappingError() {
        ObjectNode payload = ours("product-variable.json");
        payload.putArray("variations").addObject().put("id", 111);

        assertThatThrownBy(() -> mapping.map(STORE, payload))
                .isInstanceOf(MappingException.class).hasMessageContaining("variations");
    }

    @Test
    void missingModificationTimeIsAMappingError() {
        ObjectNode payload = ours("product-variable.json");
        payload.remove(List.of("date_modified_gmt", "date_modified"));

        assertThatThrownBy(() -> mapping.map(STORE, payload))
                .isInstanceOf(MappingException.class).hasMessageContaining("date_modified");
    }
}
