package io.crmsync.normalizer.mapping.bigcommerce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmsync.contract.EventType;
import io.crmsync.contract.model.Product;
import io.crmsync.contract.model.ProductVariant;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.normalizer.mapping.MappingException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.crmsync.normalizer.mapping.bigcommerce.BigCommercePayloads.STORE;
import static io.crmsync.normalizer.mapping.bigcommerce.BigCommercePayloads.assertValidCanonical;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BigCommerceProductMappingTest {

    private final BigCommerceProductMapping mapping = new BigCommerceProductMapping();

    @Test
    void mapsAV3ProductWithVariants() {
        Product product = mapping.map(STORE, BigCommercePayloads.product());

        assertThat(product.source()).isEqualTo(new SourceRef("bigcommerce", STORE, "product", "111"));
        assertThat(product.title()).isEqualTo("Öko-T-Shirt");
        assertThat(product.sku()).isEqualTo("TEE-OEKO");
        assertThat(product.price()).isEqualTo("29.95");
        assertThat(product.currency()).isNull();
        assertThat(product.status()).isEqualTo("available/visible");
        assertThat(product.variants()).containsExactly(
                // price null: the variant inherits, so what it sells for is calculated_price.
                new ProductVariant("211", "TEE-OEKO-M-GRN", "M / Grün", "29.95"),
                new ProductVariant("212", "TEE-OEKO-XL-ROT", "XL / Rot", "32.5"));
        assertThat(product.createdAt()).isEqualTo(Instant.parse("2025-09-01T12:00:00Z"));
        assertThat(product.updatedAt()).isEqualTo(Instant.parse("2026-02-20T16:45:30Z"));
        assertThat(product.sourceVersion()).isNull();

        assertValidCanonical(EventType.PRODUCT_NORMALIZED, product);
    }

    @Test
    void hiddenDisabledProductSaysBoth() {
        Product product = mapping.map(STORE, BigCommercePayloads.product().put("is_visible", false).put("availability", "disabled"));

        assertThat(product.status()).isEqualTo("disabled/hidden");
    }

    @Test
    void baseVariantOfASimpleProductHasNoDescriptor() {
        ObjectNode payload = BigCommercePayloads.product();
        payload.putArray("variants").addObject().put("id", 230).put("sku", "TEE-OEKO").putNull("price")
                .put("calculated_price", new java.math.BigDecimal("29.95")).putArray("option_values");

        Product product = mapping.map(STORE, payload);

        assertThat(product.variants()).containsExactly(new ProductVariant("230", "TEE-OEKO", null, "29.95"));
        assertValidCanonical(EventType.PRODUCT_NORMALIZED, product);
    }

    @Test
    void priceReadAsBinaryFloatIsRefused() {
        assertThatThrownBy(() -> mapping.map(STORE, BigCommercePayloads.product().put("price", 29.95d)))
                .isInstanceOf(MappingException.class).hasMessageContaining("price");
    }

    @Test
    void missingDateModifiedIsAMappingError() {
        ObjectNode payload = BigCommercePayloads.product();
        payload.remove("date_modified");

        assertThatThrownBy(() -> mapping.map(STORE, payload)).isInstanceOf(MappingException.class).hasMessageContaining("date_modified");
    }
}
