package io.crmsync.normalizer.mapping.bigcommerce;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.contract.model.Product;
import io.crmsync.contract.model.ProductVariant;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.normalizer.mapping.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import static io.crmsync.normalizer.mapping.JsonFields.present;
import static io.crmsync.normalizer.mapping.JsonFields.requiredId;
import static io.crmsync.normalizer.mapping.JsonFields.text;

/**
 * A BigCommerce v3 catalogue product ({@code include=variants}) as a canonical {@link Product}.
 * v3 prices are JSON numbers, read exactly (the codec binds them as {@code BigDecimal}); the
 * payload states no currency (prices are in the store's default currency), so {@code currency}
 * stays null.
 */
final class BigCommerceProductMapping {

    static final String OBJECT_TYPE = "product";

    Product map(String storeId, JsonNode product) {
        return new Product(
                new SourceRef(BigCommerceCustomerMapping.PLATFORM, storeId, OBJECT_TYPE, requiredId(product, "id")),
                text(product, "name"),
                text(product, "sku"),
                Money.format(Money.amount(product, "price")),
                null,
                status(product),
                variants(product.get("variants")),
                BigCommerceDates.iso(product, "date_created"),
                BigCommerceDates.requiredIso(product, "date_modified"),
                null);
    }

    /**
     * BigCommerce's two words, {@code availability} ({@code available | disabled | preorder})
     * and {@code is_visible} (shown on the storefront), as {@code "<availability>/visible"} or
     * {@code "<availability>/hidden"}; either part alone when the other is absent.
     */
    private static String status(JsonNode product) {
        String availability = text(product, "availability");
        JsonNode visible = product.get("is_visible");
        String visibility = visible == null || !visible.isBoolean() ? null : visible.booleanValue() ? "visible" : "hidden";
        if (availability == null) {
            return visibility;
        }
        return visibility == null ? availability : availability + "/" + visibility;
    }

    /** Every variant, the base variant (no option values) included: each is purchasable with its own id. */
    private static List<ProductVariant> variants(JsonNode list) {
        List<ProductVariant> result = new ArrayList<>();
        if (list != null && list.isArray()) {
            list.forEach(variant -> result.add(new ProductVariant(
                    requiredId(variant, "id"),
                    text(variant, "sku"),
                    descriptor(variant.get("option_values")),
                    Money.format(price(variant)))));
        }
        return List.copyOf(result);
    }

    /** {@code price} when the variant overrides the product's; else {@code calculated_price}, what it sells for. */
    private static BigDecimal price(JsonNode variant) {
        return present(variant, "price") ? Money.amount(variant, "price") : Money.amount(variant, "calculated_price");
    }

    /** {@code option_values[].label} joined by {@code " / "} ({@code "Rot / L"}); null for the base variant. */
    private static String descriptor(JsonNode optionValues) {
        if (optionValues == null || !optionValues.isArray()) {
            return null;
        }
        StringJoiner joined = new StringJoiner(" / ");
        optionValues.forEach(value -> {
            String label = text(value, "label");
            if (label != null) {
                joined.add(label);
            }
        });
        String result = joined.toString();
        return result.isEmpty() ? null : result;
    }
}
