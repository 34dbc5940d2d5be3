package io.crmsync.normalizer.mapping.adobe;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.contract.model.Product;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.normalizer.mapping.MappingException;
import io.crmsync.normalizer.mapping.Money;

import java.util.List;

import static io.crmsync.normalizer.mapping.JsonFields.integer;
import static io.crmsync.normalizer.mapping.JsonFields.text;

/**
 * The product model of {@code observer.catalog_product_*} events as a canonical {@link Product}.
 * Its identity is {@code entity_id}, else {@code id}, else the {@code sku} (a subscription that
 * sends only the SKU, as Adobe's own example does, identifies products by SKU: the same rule
 * webhook-ingress keys them by). Product prices carry no currency (the website's base currency),
 * so {@code currency} is null. A configurable product's children are separate products, not in
 * its payload: {@code variants} is empty.
 */
final class AdobeProductMapping {

    static final String OBJECT_TYPE = "product";

    Product map(String storeId, AdobeEvent event) {
        JsonNode product = event.value();
        return new Product(
                new SourceRef(AdobeCommerceMapper.PLATFORM, storeId, OBJECT_TYPE,
                        AdobeValues.requiredId(product, "entity_id", "id", "sku")),
                text(product, "name"),
                text(product, "sku"),
                Money.format(Money.amount(product, "price")),
                null,
                status(product),
                List.of(),
                AdobeValues.instant(product, "created_at"),
                AdobeValues.updatedAt(product, event),
                null);
    }

    /** Commerce's product {@code status}: 1 enabled, 2 disabled; null when not sent. */
    private static String status(JsonNode product) {
        Integer status = integer(product, "status");
        if (status == null) {
            return null;
        }
        return switch (status) {
            case 1 -> "enabled";
            case 2 -> "disabled";
            default -> throw new MappingException("unknown Adobe Commerce product status " + status);
        };
    }
}
