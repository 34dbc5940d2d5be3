package io.crmsync.normalizer.mapping.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.contract.model.Address;
import io.crmsync.contract.model.Order;
import io.crmsync.contract.model.OrderLine;
import io.crmsync.contract.model.OrderStatus;
import io.crmsync.contract.model.OrderTotals;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.normalizer.mapping.Companies;
import io.crmsync.normalizer.mapping.MappingException;
import io.crmsync.normalizer.mapping.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.crmsync.normalizer.mapping.JsonFields.id;
import static io.crmsync.normalizer.mapping.JsonFields.instant;
import static io.crmsync.normalizer.mapping.JsonFields.requiredQuantity;
import static io.crmsync.normalizer.mapping.JsonFields.object;
import static io.crmsync.normalizer.mapping.JsonFields.present;
import static io.crmsync.normalizer.mapping.JsonFields.requiredId;
import static io.crmsync.normalizer.mapping.JsonFields.requiredInstant;
import static io.crmsync.normalizer.mapping.JsonFields.text;

/**
 * A Shopify REST order resource (the body of every {@code orders/*} webhook) as a canonical
 * {@link Order}. Amounts are the shop-currency amounts of the order as placed
 * ({@code total_price}, not {@code current_total_price}): refunds show in the status and later in
 * their own Refund entities, edits in {@code updatedAt}.
 */
public final class ShopifyOrderMapping {

    static final String OBJECT_TYPE = "order";

    private final ShopifyAddressMapping addresses;
    private final ShopifyCustomerMapping customers;

    public ShopifyOrderMapping(ShopifyAddressMapping addresses, ShopifyCustomerMapping customers) {
        this.addresses = addresses;
        this.customers = customers;
    }

    public Order map(String storeId, JsonNode order) {
        String currency = Money.currency(text(order, "currency"), "currency");
        Address billing = addresses.map(object(order, "billing_address"));
        Address shipping = addresses.map(object(order, "shipping_address"));
        Instant updatedAt = requiredInstant(order, "updated_at");
        String financial = text(order, "financial_status");
        String fulfillment = text(order, "fulfillment_status");
        OrderStatus status = ShopifyOrderStatus.of(financial, fulfillment,
                present(order, "cancelled_at"), present(order, "closed_at"));
        return new Order(
                new SourceRef(ShopifyCustomerMapping.PLATFORM, storeId, OBJECT_TYPE, requiredId(order, "id")),
                text(order, "name"),
                status,
                financial + "/" + fulfillment,
                totals(order, currency),
                lines(order),
                customers.fromOrder(storeId, order, billing, shipping, updatedAt),
                billing == null ? List.of() : List.of(billing),
                shipping == null ? List.of() : List.of(shipping),
                instant(order, "created_at"),
                updatedAt,
                null,
                Companies.fromBillingAddress(billing));
    }

    private static OrderTotals totals(JsonNode order, String currency) {
        return new OrderTotals(
                currency,
                Money.format(itemsSubtotal(order)),
                Money.format(Money.amount(order, "total_discounts")),
                Money.format(shipping(order)),
                Money.format(Money.amount(order, "total_tax")),
                Money.format(Money.requiredAmount(order, "total_price")));
    }

    /**
     * The canonical subtotal is the items before discounts, shipping and tax:
     * {@code total_line_items_price}; payloads without it: {@code subtotal_price} (after discounts)
     * plus {@code total_discounts}.
     */
    private static BigDecimal itemsSubtotal(JsonNode order) {
        BigDecimal items = Money.amount(order, "total_line_items_price");
        if (items != null) {
            return items;
        }
        BigDecimal afterDiscounts = Money.amount(order, "subtotal_price");
        BigDecimal discounts = Money.amount(order, "total_discounts");
        return afterDiscounts == null || discounts == null ? afterDiscounts : afterDiscounts.add(discounts);
    }

    /** {@code total_shipping_price_set.shop_money.amount}; older payloads: the sum of {@code shipping_lines[].price}. */
    private static BigDecimal shipping(JsonNode order) {
        JsonNode shopMoney = object(object(order, "total_shipping_price_set"), "shop_money");
        if (shopMoney != null) {
            return Money.amount(shopMoney, "amount");
        }
        JsonNode shippingLines = order.get("shipping_lines");
        if (shippingLines == null || !shippingLines.isArray()) {
            return null;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode line : shippingLines) {
            sum = sum.add(Money.requiredAmount(line, "price"));
        }
        return sum;
    }

    private static List<OrderLine> lines(JsonNode order) {
        JsonNode items = order.get("line_items");
        if (items == null || !items.isArray()) {
            throw new MappingException("required field 'line_items' is missing");
        }
        List<OrderLine> lines = new ArrayList<>();
        for (JsonNode item : items) {
            lines.add(line(item));
        }
        return List.copyOf(lines);
    }

    /**
     * {@code total} = {@code price} × {@code quantity} − the line's discounts: the sum of its
     * {@code discount_allocations[].amount} (Shopify's recommended field, which also carries
     * order-level codes spread across lines), or {@code total_discount} on payloads without
     * allocations. Taxes and duties are not in the line total.
     */
    private static OrderLine line(JsonNode item) {
        int quantity = requiredQuantity(item, "quantity", "line item");
        BigDecimal unitPrice = Money.requiredAmount(item, "price");
        BigDecimal total = unitPrice.multiply(BigDecimal.valueOf(quantity)).subtract(lineDiscount(item));
        return new OrderLine(
                id(item, "id"),
                id(item, "product_id"),
                id(item, "variant_id"),
                text(item, "sku"),
                text(item, "title"),
                text(item, "variant_title"),
                quantity,
                Money.format(unitPrice),
                Money.format(total));
    }

    private static BigDecimal lineDiscount(JsonNode item) {
        JsonNode allocations = item.get("discount_allocations");
        if (allocations != null && allocations.isArray()) {
            BigDecimal sum = BigDecimal.ZERO;
            for (JsonNode allocation : allocations) {
                sum = sum.add(Money.requiredAmount(allocation, "amount"));
            }
            return sum;
        }
        BigDecimal legacy = Money.amount(item, "total_discount");
        return legacy == null ? BigDecimal.ZERO : legacy;
    }
}
