package io.crmsync.normalizer.mapping.adobe;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.contract.model.Address;
import io.crmsync.contract.model.Order;
import io.crmsync.contract.model.OrderLine;
import io.crmsync.contract.model.OrderStatus;
import io.crmsync.contract.model.OrderTotals;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.normalizer.mapping.Companies;
import io.crmsync.normalizer.mapping.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.crmsync.normalizer.mapping.JsonFields.id;
import static io.crmsync.normalizer.mapping.JsonFields.text;

/**
 * The order model of {@code observer.sales_order_*} events (e.g. {@code sales_order_save_after},
 * {@code sales_order_place_after}) as a canonical {@link Order}. Amounts are in the order's
 * currency ({@code order_currency_code}), not the base currency; Commerce writes order-level
 * discounts negative, the canonical discount is positive.
 */
final class AdobeOrderMapping {

    static final String OBJECT_TYPE = "order";

    private final AdobeAddressMapping addresses;
    private final AdobeCustomerMapping customers;

    AdobeOrderMapping(AdobeAddressMapping addresses, AdobeCustomerMapping customers) {
        this.addresses = addresses;
        this.customers = customers;
    }

    Order map(String storeId, AdobeEvent event) {
        JsonNode order = event.value();
        String currency = Money.currency(text(order, "order_currency_code"), "order_currency_code");
        JsonNode billingNode = null;
        List<Address> billing = new ArrayList<>();
        List<Address> shipping = new ArrayList<>();
        for (JsonNode node : AdobeValues.objects(order, "addresses")) {
            String type = text(node, "address_type");
            String kind = type == null ? "" : type.trim().toLowerCase(Locale.ROOT);
            if (kind.equals("billing")) {
                billing.add(addresses.map(node));
                billingNode = billingNode == null ? node : billingNode;
            } else if (kind.equals("shipping")) {
                shipping.add(addresses.map(node));
            }
        }
        Address firstBilling = billing.isEmpty() ? null : billing.get(0);
        Instant updatedAt = AdobeValues.updatedAt(order, event);
        String state = text(order, "state");
        BigDecimal grandTotal = Money.requiredAmount(order, "grand_total");
        List<OrderLine> lines = AdobeValues.topLevelItems(order, item -> line(order, item));
        OrderStatus status = AdobeOrderStatus.of(state, Money.amount(order, "total_refunded"),
                Money.amount(order, "total_paid"), grandTotal,
                sumOfTopLevel(order, "qty_shipped"), sumOfTopLevel(order, "qty_ordered"));
        return new Order(
                new SourceRef(AdobeCommerceMapper.PLATFORM, storeId, OBJECT_TYPE, AdobeValues.requiredId(order, "entity_id", "id")),
                text(order, "increment_id"),
                status,
                state + "/" + text(order, "status"),
                new OrderTotals(
                        currency,
                        Money.format(Money.amount(order, "subtotal")),
                        Money.format(AdobeValues.discount(order, "discount_amount")),
                        Money.format(Money.amount(order, "shipping_amount")),
                        Money.format(Money.amount(order, "tax_amount")),
                        Money.format(grandTotal)),
                lines,
                customers.fromOrder(storeId, order, billingNode, firstBilling, updatedAt),
                List.copyOf(billing),
                List.copyOf(shipping),
                AdobeValues.instant(order, "created_at"),
                updatedAt,
                null,
                Companies.fromBillingAddress(firstBilling, text(billingNode, "vat_id")));
    }

    /**
     * {@code total} = {@code row_total} (price × quantity, before tax) − the item's
     * {@code discount_amount} (positive on items). A configurable product's line names its one
     * child's product as the variant: the simple product the buyer chose.
     */
    private static OrderLine line(JsonNode order, JsonNode item) {
        int quantity = AdobeValues.requiredQuantity(item, "qty_ordered");
        BigDecimal unitPrice = Money.requiredAmount(item, "price");
        BigDecimal rowTotal = Money.amount(item, "row_total");
        BigDecimal discount = AdobeValues.discount(item, "discount_amount");
        BigDecimal total = (rowTotal != null ? rowTotal : unitPrice.multiply(BigDecimal.valueOf(quantity)))
                .subtract(discount == null ? BigDecimal.ZERO : discount);
        return new OrderLine(
                id(item, "item_id"),
                id(item, "product_id"),
                onlyChildProductId(order, id(item, "item_id")),
                text(item, "sku"),
                text(item, "name"),
                null,
                quantity,
                Money.format(unitPrice),
                Money.format(total));
    }

    /** The product id of the single child item of {@code parentItemId}; null for none or several (bundles). */
    private static String onlyChildProductId(JsonNode order, String parentItemId) {
        if (parentItemId == null) {
            return null;
        }
        List<String> children = AdobeValues.objects(order, "items").stream()
                .filter(item -> parentItemId.equals(id(item, "parent_item_id")))
                .map(item -> id(item, "product_id"))
                .toList();
        return children.size() == 1 ? children.get(0) : null;
    }

    /** Σ of a quantity over the top-level items; a child's shipment counts through its parent line. */
    private static BigDecimal sumOfTopLevel(JsonNode order, String field) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode item : AdobeValues.objects(order, "items")) {
            BigDecimal qty = AdobeValues.isChildItem(item) ? null : Money.amount(item, field);
            sum = qty == null ? sum : sum.add(qty);
        }
        return sum;
    }
}
