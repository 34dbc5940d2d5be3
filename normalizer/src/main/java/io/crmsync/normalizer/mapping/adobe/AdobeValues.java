package io.crmsync.normalizer.mapping.adobe;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.normalizer.mapping.JsonFields;
import io.crmsync.normalizer.mapping.MappingException;
import io.crmsync.normalizer.mapping.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * How Magento writes values in its models' data, read into the canonical forms: UTC timestamps
 * without a zone, quantities as decimals ({@code "3.000000"}), negative order discounts, ids as
 * numbers or strings, child items of configurable and bundle products.
 */
final class AdobeValues {

    /** Magento's {@code created_at}/{@code updated_at}: {@code 2025-07-17 15:48:41}, always UTC in the database. */
    private static final DateTimeFormatter MAGENTO_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private AdobeValues() {
    }

    /** A Magento timestamp as an instant (ISO-8601 with an offset is accepted too), or null. */
    static Instant instant(JsonNode parent, String field) {
        String text = JsonFields.text(parent, field);
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        try {
            return LocalDateTime.parse(trimmed, MAGENTO_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notMagento) {
            try {
                return OffsetDateTime.parse(trimmed).toInstant();
            } catch (DateTimeParseException e) {
                throw new MappingException("field '" + field + "' is neither 'YYYY-MM-DD HH:MM:SS' (UTC) nor ISO-8601 with offset", e);
            }
        }
    }

    /**
     * {@code updated_at}; when the subscription does not send it, the CloudEvent's {@code time}
     * (the moment Commerce emitted the save event, so no earlier than the change itself).
     */
    static Instant updatedAt(JsonNode value, AdobeEvent event) {
        Instant updatedAt = instant(value, "updated_at");
        if (updatedAt == null) {
            updatedAt = event.time();
        }
        if (updatedAt == null) {
            throw new MappingException("required field 'updated_at' is missing and the envelope has no 'time'");
        }
        return updatedAt;
    }

    /** The first present id field, as the ingress keyed the record ({@code entity_id}, else {@code id}, ...). */
    static String requiredId(JsonNode value, String... fields) {
        for (String field : fields) {
            String id = JsonFields.id(value, field);
            if (id != null) {
                return id;
            }
        }
        throw new MappingException("required field '" + String.join("|", fields) + "' is missing");
    }

    /**
     * A quantity as a whole number: Magento stores {@code qty} as a decimal ({@code "3.000000"}).
     * A fractional or negative quantity cannot be an order line's count and is refused.
     *
     * @return null when absent
     */
    static Integer quantity(JsonNode parent, String field) {
        BigDecimal qty = Money.amount(parent, field);
        if (qty == null) {
            return null;
        }
        if (qty.signum() < 0 || qty.stripTrailingZeros().scale() > 0) {
            throw new MappingException("field '" + field + "' is not a whole, non-negative quantity");
        }
        try {
            return qty.intValueExact();
        } catch (ArithmeticException e) {
            throw new MappingException("field '" + field + "' is too large for a quantity", e);
        }
    }

    static int requiredQuantity(JsonNode parent, String field) {
        Integer qty = quantity(parent, field);
        if (qty == null) {
            throw new MappingException("required field '" + field + "' is missing");
        }
        return qty;
    }

    /** A discount as a positive amount: Magento stores order and document discounts negative. */
    static BigDecimal discount(JsonNode parent, String field) {
        BigDecimal discount = Money.amount(parent, field);
        return discount == null ? null : discount.abs();
    }

    /**
     * Whether an order item is the child of a configurable or bundle product ({@code parent_item_id}
     * set): its parent line carries the price and quantity the buyer saw. Invoice, credit memo and
     * shipment items use {@code parent_id} for the document they belong to, so it never marks a
     * child.
     */
    static boolean isChildItem(JsonNode item) {
        return JsonFields.present(item, "parent_item_id");
    }

    /** The objects of an array member; empty when absent. */
    static List<JsonNode> objects(JsonNode parent, String field) {
        JsonNode array = parent == null ? null : parent.get(field);
        List<JsonNode> result = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(node -> {
                if (node.isObject()) {
                    result.add(node);
                }
            });
        }
        return result;
    }

    /** {@code items[]} without child items, each mapped; the field is required. */
    static <T> List<T> topLevelItems(JsonNode value, Function<JsonNode, T> mapper) {
        JsonNode items = value.get("items");
        if (items == null || !items.isArray()) {
            throw new MappingException("required field 'items' is missing");
        }
        List<T> result = new ArrayList<>();
        for (JsonNode item : objects(value, "items")) {
            if (!isChildItem(item)) {
                result.add(mapper.apply(item));
            }
        }
        return List.copyOf(result);
    }
}
