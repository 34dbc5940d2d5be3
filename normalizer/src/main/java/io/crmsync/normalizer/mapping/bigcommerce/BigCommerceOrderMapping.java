package io.crmsync.normalizer.mapping.bigcommerce;

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
import java.util.StringJoiner;

import static io.crmsync.normalizer.mapping.JsonFields.id;
import static io.crmsync.normalizer.mapping.JsonFields.integer;
import static io.crmsync.normalizer.mapping.JsonFields.requiredQuantity;
import static io.crmsync.normalizer.mapping.JsonFields.object;
import static io.crmsync.normalizer.mapping.JsonFields.requiredId;
import static io.crmsync.normalizer.mapping.JsonFields.text;

/**
 * A BigCommerce v2 order, as fetch-back and the reconciler publish it (its {@code products},
 * {@code shipping_addresses} and {@code coupons} sub-resources inlined as arrays instead of
 * {@code {url, resource}} references), as a canonical {@link Order}. Amounts are the order as
 * placed, in the transactional currency; refunds show in the status and in their own Refund
 * entities.
 */
final class BigCommerceOrderMapping {

    static final String OBJECT_TYPE = "order";
    /** Lines of custom products (not from the catalogue) carry product and variant id 0. */
    private static final String NO_CATALOGUE_ID = "0";

    private final BigCommerceAddressMapping addresses;
    private final BigCommerceCustomerMapping customers;

    BigCommerceOrderMapping(BigCommerceAddressMapping addresses, BigCommerceCustomerMapping customers) {
        this.addresses = addresses;
        this.customers = customers;
    }

    Order map(String storeId, JsonNode order) {
        String id = requiredId(order, "id");
        JsonNode billingNode = object(order, "billing_address");
        Address billing = addresses.fromOrderAddress(billingNode);
        Instant updatedAt = BigCommerceDates.requiredRfc2822(order, "date_modified");
        Integer statusId = integer(order, "status_id");
        if (statusId == null) {
            throw new MappingException("required field 'status_id' is missing");
        }
        JsonNode archived = order.get("is_deleted");
        return new Order(
                new SourceRef(BigCommerceCustomerMapping.PLATFORM, storeId, OBJECT_TYPE, id),
                id,
                BigCommerceOrderStatus.of(statusId, archived != null && archived.asBoolean(false)),
                text(order, "status"),
                totals(order),
                lines(inlined(order, "products")),
                customers.fromOrder(storeId, order, billingNode, billing, updatedAt),
                billing == null ? List.of() : List.of(billing),
                shippingAddresses(inlined(order, "shipping_addresses")),
                BigCommerceDates.rfc2822(order, "date_created"),
                updatedAt,
                null,
                Companies.fromBillingAddress(billing));
    }

    /**
     * {@code default_currency_code} is, in BigCommerce's words, the transactional currency the
     * shopper pays in, which the amounts are in; {@code currency_code} is the display currency
     * (equal to it on v2-created orders) and is read only when the former is absent.
     */
    private static OrderTotals totals(JsonNode order) {
        String code = text(order, "default_currency_code") != null ? text(order, "default_currency_code") : text(order, "currency_code");
        return new OrderTotals(
                Money.currency(code, "default_currency_code"),
                Money.format(Money.amount(order, "subtotal_ex_tax")),
                Money.format(discount(order)),
                Money.format(Money.amount(order, "shipping_cost_ex_tax")),
                Money.format(Money.amount(order, "total_tax")),
                Money.format(Money.requiredAmount(order, "total_inc_tax")));
    }

    /** {@code discount_amount} + {@code coupon_discount}, which v2 reports apart; null when neither is stated. */
    private static BigDecimal discount(JsonNode order) {
        BigDecimal manual = Money.amount(order, "discount_amount");
        BigDecimal coupons = Money.amount(order, "coupon_discount");
        if (manual == null) {
            return coupons;
        }
        return coupons == null ? manual : manual.add(coupons);
    }

    /** A sub-resource inlined as an array; a {@code {url, resource}} reference means fetch-back did not inline it. */
    private static JsonNode inlined(JsonNode order, String field) {
        JsonNode node = order.get(field);
        if (node == null || !node.isArray()) {
            throw new MappingException("field '" + field + "' is not an inlined array (a sub-resource reference or absent)");
        }
        return node;
    }

    /** Every shipping address: BigCommerce orders may ship to several. */
    private List<Address> shippingAddresses(JsonNode list) {
        List<Address> result = new ArrayList<>();
        list.forEach(node -> {
            Address address = addresses.fromOrderAddress(node);
            if (address != null) {
                result.add(address);
            }
        });
        return List.copyOf(result);
    }

    private static List<OrderLine> lines(JsonNode products) {
        List<OrderLine> lines = new ArrayList<>();
        products.forEach(product -> lines.add(line(product)));
        return List.copyOf(lines);
    }

    /** {@code price_ex_tax} and {@code total_ex_tax} as BigCommerce states them; no tax in either. */
    private static OrderLine line(JsonNode product) {
        int quantity = requiredQuantity(product, "quantity", "product");
        return new OrderLine(
                id(product, "id"),
                catalogueId(product, "product_id"),
                catalogueId(product, "variant_id"),
                text(product, "sku"),
                text(product, "name"),
                options(product.get("product_options")),
                quantity,
                Money.format(Money.requiredAmount(product, "price_ex_tax")),
                Money.format(Money.amount(product, "total_ex_tax")));
    }

    private static String catalogueId(JsonNode product, String field) {
        String value = id(product, field);
        return value == null || NO_CATALOGUE_ID.equals(value.trim()) ? null : value;
    }

    /** {@code product_options[]} as {@code "display_name: display_value"} joined by {@code " / "}; null when none. */
    private static String options(JsonNode options) {
        if (options == null || !options.isArray()) {
            return null;
        }
        StringJoiner joined = new StringJoiner(" / ");
        options.forEach(option -> {
            String name = text(option, "display_name");
            String value = text(option, "display_value");
            if (value != null) {
                joined.add(name == null ? value : name + ": " + value);
            }
        });
        String result = joined.toString();
        return result.isEmpty() ? null : result;
    }
}
