package io.crmsync.normalizer.mapping.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.contract.model.Product;
import io.crmsync.contract.model.ProductVariant;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.normalizer.mapping.Money;

import java.util.ArrayList;
import java.util.List;

import static io.crmsync.normalizer.mapping.JsonFields.instant;
import static io.crmsync.normalizer.mapping.JsonFields.requiredId;
import static io.crmsync.normalizer.mapping.JsonFields.requiredInstant;
import static io.crmsync.normalizer.mapping.JsonFields.text;

/**
 * A Shopify product resource (the body of {@code products/create|update}) as a canonical
 * {@link Product}. Every Shopify product has at least one variant; a product without options has
 * exactly one, titled {@code Default Title}, which is the product itself: its SKU and price become
 * the product's and it has no descriptor. Prices are in the shop's currency, which the payload
 * does not state.
 */
public final class ShopifyProductMapping {

    static final String OBJECT_TYPE = "product";
    private static final String NO_OPTIONS = "Default Title";

    public Product map(String storeId, JsonNode product) {
        List<ProductVariant> variants = variants(product);
        ProductVariant only = variants.size() == 1 ? variants.get(0) : null;
        return new Product(
                new SourceRef(ShopifyCustomerMapping.PLATFORM, storeId, OBJECT_TYPE, requiredId(product, "id")),
                text(product, "title"),
                only == null ? null : only.sku(),
                only == null ? null : only.price(),
                null,
                text(product, "status"),
                variants,
                instant(product, "created_at"),
                requiredInstant(product, "updated_at"),
                null);
    }

    private static List<ProductVariant> variants(JsonNode product) {
        JsonNode items = product.get("variants");
        if (items == null || !items.isArray()) {
            return List.of();
        }
        List<ProductVariant> variants = new ArrayList<>();
        for (JsonNode variant : items) {
            String title = text(variant, "title");
            variants.add(new ProductVariant(
                    requiredId(variant, "id"),
                    text(variant, "sku"),
                    NO_OPTIONS.equals(title) ? null : title,
                    Money.format(Money.amount(variant, "price"))));
        }
        return List.copyOf(variants);
    }
}
