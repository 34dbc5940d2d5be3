package io.crmsync.normalizer.mapping.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.contract.model.Fulfillment;
import io.crmsync.contract.model.FulfillmentLine;
import io.crmsync.contract.model.FulfillmentStatus;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.normalizer.mapping.MappingException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.crmsync.normalizer.mapping.JsonFields.id;
import static io.crmsync.normalizer.mapping.JsonFields.instant;
import static io.crmsync.normalizer.mapping.JsonFields.requiredQuantity;
import static io.crmsync.normalizer.mapping.JsonFields.requiredId;
import static io.crmsync.normalizer.mapping.JsonFields.requiredInstant;
import static io.crmsync.normalizer.mapping.JsonFields.text;

/** A Shopify fulfillment resource (the body of {@code fulfillments/create|update}) as a canonical {@link Fulfillment}. */
public final class ShopifyFulfillmentMapping {

    static final String OBJECT_TYPE = "fulfillment";

    public Fulfillment map(String storeId, JsonNode fulfillment) {
        String status = text(fulfillment, "status");
        return new Fulfillment(
                new SourceRef(ShopifyCustomerMapping.PLATFORM, storeId, OBJECT_TYPE, requiredId(fulfillment, "id")),
                requiredId(fulfillment, "order_id"),
                status(status),
                status,
                text(fulfillment, "tracking_company"),
                texts(fulfillment, "tracking_numbers", "tracking_number"),
                texts(fulfillment, "tracking_urls", "tracking_url"),
                lines(fulfillment),
                instant(fulfillment, "created_at"),
                requiredInstant(fulfillment, "updated_at"),
                null);
    }

    /**
     * Shopify's fulfillment {@code status}: {@code pending} and {@code open} (accepted by the
     * fulfillment service, not yet shipped) keep their names; {@code success} is fulfilled;
     * {@code cancelled}; {@code error} and {@code failure} are failed.
     */
    static FulfillmentStatus status(String word) {
        if (word == null) {
            throw new MappingException("required field 'status' is missing");
        }
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "pending" -> FulfillmentStatus.PENDING;
            case "open" -> FulfillmentStatus.OPEN;
            case "success" -> FulfillmentStatus.FULFILLED;
            case "cancelled" -> FulfillmentStatus.CANCELLED;
            case "error", "failure" -> FulfillmentStatus.FAILED;
            default -> throw new MappingException("unknown fulfillment 'status' word");
        };
    }

    /** The list field, else the older single-value field, else empty. */
    private static List<String> texts(JsonNode fulfillment, String listField, String singleField) {
        List<String> values = new ArrayList<>();
        JsonNode list = fulfillment.get(listField);
        if (list != null && list.isArray()) {
            list.forEach(v -> {
                if (v.isTextual() && !v.asText().isBlank()) {
                    values.add(v.asText());
                }
            });
        }
        if (values.isEmpty() && text(fulfillment, singleField) != null) {
            values.add(text(fulfillment, singleField));
        }
        return List.copyOf(values);
    }

    private static List<FulfillmentLine> lines(JsonNode fulfillment) {
        JsonNode items = fulfillment.get("line_items");
        if (items == null || !items.isArray()) {
            return List.of();
        }
        List<FulfillmentLine> lines = new ArrayList<>();
        for (JsonNode item : items) {
            int quantity = requiredQuantity(item, "quantity", "fulfillment line");
            lines.add(new FulfillmentLine(id(item, "id"), text(item, "sku"), quantity));
        }
        return List.copyOf(lines);
    }
}
