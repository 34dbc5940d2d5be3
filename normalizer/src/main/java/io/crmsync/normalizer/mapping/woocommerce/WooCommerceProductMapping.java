package io.crmsync.normalizer.mapping.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.contract.model.Product;
import io.crmsync.contract.model.ProductVariant;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.normalizer.mapping.MappingException;
import io.crmsync.normalizer.mapping.Money;

import java.util.ArrayList;
import java.util.List;

import static io.crmsync.normalizer.mapping.JsonFields.requiredId;
import static io.crmsync.normalizer.mapping.JsonFields.text;

/**
 * A WooCommerce REST v3 product ({@code product.created|updated|restored}) as a canonical
 * {@link Product}. {@code variations} holds only the ids of a variable product's variations (each
 * is a resource of its own, {@code /products/{id}/variations/{vid}}), so each variant carries its
 * id and nothing else. Prices are in the store's currency, which the product does not state.
 */
final class WooCommerceProductMapping {

    static final String OBJECT_TYPE = "product";

    Product map(String storeId, JsonNode product) {
        return new Product(
                new SourceRef(WooCommerceCustomerMapping.PLATFORM, storeId, OBJECT_TYPE, requiredId(product, "id")),
                text(product, "name"),
                text(product, "sku"),
                Money.format(Money.amount(product, "price")),
                null,
                text(product, "status"),
                variants(product),
                WooCommerceTimes.instant(product, "date_created"),
                WooCommerceTimes.requiredInstant(product, "date_modified"),
                null);
    }

    private static List<ProductVariant> variants(JsonNode product) {
        JsonNode ids = product.get("variations");
        if (ids == null || ids.isNull()) {
            return List.of();
        }
        if (!ids.isArray()) {
            throw new MappingException("field 'variations' is not a list of ids");
        }
        List<ProductVariant> variants = new ArrayList<>();
        for (JsonNode id : ids) {
            if (!id.isIntegralNumber() && !(id.isTextual() && !id.asText().isBlank())) {
                throw new MappingException("field 'variations' is not a list of ids");
            }
            variants.add(new ProductVariant(id.asText(), null, null, null));
        }
        return List.copyOf(variants);
    }
}
