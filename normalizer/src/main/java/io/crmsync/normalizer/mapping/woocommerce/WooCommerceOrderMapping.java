package io.crmsync.normalizer.mapping.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.contract.model.Address;
import io.crmsync.contract.model.Order;
import io.crmsync.contract.model.OrderLine;
import io.crmsync.contract.model.OrderTotals;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.normalizer.mapping.Companies;
import io.crmsync.normalizer.mapping.MappingException;
import io.crmsync.normalizer.mapping.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.crmsync.normalizer.mapping.JsonFields.requiredQuantity;
import static io.crmsync.normalizer.mapping.JsonFields.object;
import static io.crmsync.normalizer.mapping.JsonFields.requiredId;
import static io.crmsync.normalizer.mapping.JsonFields.text;

/**
 * A WooCommerce REST v3 order (the body of {@code order.created|updated|restored}) as a canonical
 * {@link Order}. The order's {@code version} is the WooCommerce plugin version that last saved it
 * (e.g. {@code 3.0.0}), not a version of the object, so {@code sourceVersion} stays null.
 */
final class WooCommerceOrderMapping {

    static final String OBJECT_TYPE = "order";

    private final WooCommerceAddressMapping addresses;
    private final WooCommerceCustomerMapping customers;

    WooCommerceOrderMapping(WooCommerceAddressMapping addresses, WooCommerceCustomerMapping customers) {
        this.addresses = addresses;
        this.customers = customers;
    }

    Order map(String storeId, JsonNode order) {
        String currency = Money.currency(text(order, "currency"), "currency");
        Address billing = addresses.map(object(order, "billing"));
        Address shipping = addresses.map(object(order, "shipping"));
        Instant updatedAt = WooCommerceTimes.requiredInstant(order, "date_modified");
        String status = text(order, "status");
        JsonNode items = lineItems(order);
        return new Order(
                new SourceRef(WooCommerceCustomerMapping.PLATFORM, storeId, OBJECT_TYPE, requiredId(order, "id")),
                text(order, "number"),
                WooCommerceOrderStatus.of(status, refunded(order)),
                status,
                totals(order, currency, items),
                lines(items),
                customers.fromOrder(storeId, order, billing, shipping, updatedAt),
                billing == null ? List.of() : List.of(billing),
                shipping == null ? List.of() : List.of(shipping),
                WooCommerceTimes.instant(order, "date_created"),
                updatedAt,
                null,
                Companies.fromBillingAddress(billing));
    }

    /** WooCommerce has no order subtotal field: Σ {@code line_items[].subtotal} (before discounts), null without lines. */
    private static OrderTotals totals(JsonNode order, String currency, JsonNode items) {
        BigDecimal subtotal = null;
        for (JsonNode item : items) {
            BigDecimal line = Money.requiredAmount(item, "subtotal");
            subtotal = subtotal == null ? line : subtotal.add(line);
        }
        return new OrderTotals(
                currency,
                Money.format(subtotal),
                Money.format(Money.amount(order, "discount_total")),
                Money.format(Money.amount(order, "shipping_total")),
                Money.format(Money.amount(order, "total_tax")),
                Money.format(Money.requiredAmount(order, "total")));
    }

    /** Σ |{@code refunds[].total}|: WooCommerce writes refund totals negative on the order. */
    private static BigDecimal refunded(JsonNode order) {
        JsonNode refunds = order.get("refunds");
        BigDecimal sum = BigDecimal.ZERO;
        if (refunds != null && refunds.isArray()) {
            for (JsonNode refund : refunds) {
                sum = sum.add(Money.requiredAmount(refund, "total").abs());
            }
        }
        return sum;
    }

    private static JsonNode lineItems(JsonNode order) {
        JsonNode items = order.get("line_items");
        if (items == null || !items.isArray()) {
            throw new MappingException("required field 'line_items' is missing");
        }
        return items;
    }

    private static List<OrderLine> lines(JsonNode items) {
        List<OrderLine> lines = new ArrayList<>();
        for (JsonNode item : items) {
            lines.add(line(item));
        }
        return List.copyOf(lines);
    }

    /**
     * {@code price} is WooCommerce's {@code total / quantity} (after the line's discounts), sent as
     * a JSON number and read exactly; {@code total} is the line after discounts, before tax.
     */
    private static OrderLine line(JsonNode item) {
        int quantity = requiredQuantity(item, "quantity", "line item");
        return new OrderLine(
                text(item, "id"),
                WooCommerceIds.nonZero(item, "product_id"),
                WooCommerceIds.nonZero(item, "variation_id"),
                text(item, "sku"),
                text(item, "name"),
                null,
                quantity,
                Money.format(Money.requiredAmount(item, "price")),
                Money.format(Money.amount(item, "total")));
    }
}
