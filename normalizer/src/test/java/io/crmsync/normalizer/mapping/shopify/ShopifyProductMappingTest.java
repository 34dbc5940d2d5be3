package io.crmsync.normalizer.mapping.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.contract.EventCodec;
import io.crmsync.contract.EventType;
import io.crmsync.contract.model.Product;
import io.crmsync.contract.model.ProductVariant;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.testkit.SharedFixtures;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

class ShopifyProductMappingTest {

    private static final EventCodec CODEC = new EventCodec();
    private final ShopifyProductMapping mapping = new ShopifyProductMapping();

    @Test
    void mapsTheRealShopifyProduct() {
        JsonNode payload = SharedFixtures.resources("shopify/rest_2024-04_product_find__test_9.json", "product").get(0);

        Product product = mapping.map("acme-shopify", payload);

        assertThat(product.source()).isEqualTo(new SourceRef("shopify", "acme-shopify", "product", "632910392"));
        assertThat(product.title()).isEqualTo("IPod Nano - 8GB");
        assertThat(product.status()).isEqualTo("active");
        // Several variants: SKU and price belong to each of them, not to the product.
        assertThat(product.sku()).isNull();
        assertThat(product.price()).isNull();
        assertThat(product.variants()).hasSizeGreaterThan(1)
                .contains(new ProductVariant("808950810", "IPOD2008PINK", "Pink", "199.00"),
                        new ProductVariant("49148385", "IPOD2008RED", "Red", "199.00"));
        assertThat(product.updatedAt()).isEqualTo(Instant.parse("2024-04-02T13:59:11Z"));
        assertThat(CODEC.decode(EventType.PRODUCT_NORMALIZED, CODEC.encode(EventType.PRODUCT_NORMALIZED, product)))
                .isEqualTo(product);
    }

    @Test
    void aProductWithoutOptionsIsItsOwnVariant() {
        Product product = mapping.map("acme-shopify", EventCodec.parse("""
                {"id": 1, "title": "Café Crème Beutel", "status": "draft", "updated_at": "2026-03-01T10:00:00+01:00",
                 "variants": [{"id": 11, "title": "Default Title", "sku": "CAFE-1", "price": "12.50"}]}""".getBytes(UTF_8)));

        assertThat(product.title()).isEqualTo("Café Crème Beutel");
        assertThat(product.sku()).isEqualTo("CAFE-1");
        assertThat(product.price()).isEqualTo("12.50");
        assertThat(product.variants()).containsExactly(new ProductVariant("11", "CAFE-1", null, "12.50"));
        assertThat(product.currency()).isNull();
    }
}
