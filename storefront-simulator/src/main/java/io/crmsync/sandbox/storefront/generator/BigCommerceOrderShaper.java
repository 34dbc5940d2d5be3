package io.crmsync.sandbox.storefront.generator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmsync.commons.tenant.Platform;
import io.crmsync.sandbox.storefront.platform.TimeFormats;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * BigCommerce v2 order (with its {@code products}, {@code shipping_addresses} and {@code coupons}
 * inline; the simulator serves them as sub-resources) and v3 customer.
 */
@ApplicationScoped
public class BigCommerceOrderShaper implements OrderShaper {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Override
    public Platform platform() {
        return Platform.BIGCOMMERCE;
    }

    @Override
    public ShapedOrder shape(SampleOrder o) {
        long orderId = 100 + o.key();
        long customerId = 10 + o.customer().key();
        BigDecimal net = o.subtotal().subtract(o.discount());
        ObjectNode order = JSON.objectNode();
        order.put("id", orderId);
        order.put("customer_id", customerId);
        order.put("date_created", TimeFormats.rfc2822(o.createdAt()));
        order.put("date_shipped", o.fulfilled() ? TimeFormats.rfc2822(o.createdAt().plusSeconds(86_400)) : "");
        int statusId = switch (o.state()) {
            case PAID -> o.fulfilled() ? 10 : 11;
            case PENDING -> 1;
            case AUTHORIZED -> 7;
            case REFUNDED -> 4;
            case CANCELLED -> 5;
        };
        order.put("status_id", statusId);
        order.put("status", switch (statusId) {
            case 10 -> "Completed";
            case 11 -> "Awaiting Fulfillment";
            case 1 -> "Pending";
            case 7 -> "Awaiting Payment";
            case 4 -> "Refunded";
            default -> "Cancelled";
        });
        order.put("subtotal_ex_tax", money(o.subtotal()));
        order.put("subtotal_inc_tax", money(o.subtotal().add(o.tax())));
        order.put("subtotal_tax", money(o.tax()));
        order.put("base_shipping_cost", money(o.shippingPrice()));
        order.put("shipping_cost_ex_tax", money(o.shippingPrice()));
        order.put("shipping_cost_inc_tax", money(o.shippingPrice()));
        order.put("shipping_cost_tax", money(BigDecimal.ZERO));
        order.put("base_handling_cost", money(BigDecimal.ZERO));
        order.put("total_ex_tax", money(net.add(o.shippingPrice())));
        order.put("total_inc_tax", money(o.total()));
        order.put("total_tax", money(o.tax()));
        order.put("items_total", o.itemCount());
        order.put("items_shipped", o.fulfilled() ? o.itemCount() : 0);
        order.put("payment_method", "Credit Card");
        order.put("payment_status", switch (o.state()) {
            case PAID -> "captured";
            case AUTHORIZED -> "authorized";
            case REFUNDED -> "refunded";
            case CANCELLED -> "void";
            case PENDING -> "";
        });
        order.put("refunded_amount", money(o.state() == OrderState.REFUNDED ? o.total() : BigDecimal.ZERO));
        order.put("order_is_digital", false);
        order.put("store_credit_amount", money(BigDecimal.ZERO));
        order.put("gift_certificate_amount", money(BigDecimal.ZERO));
        order.put("ip_address", "203.0.113." + (o.key() % 250 + 1));
        order.put("currency_code", o.currency());
        order.put("currency_exchange_rate", "1.0000000000");
        order.put("default_currency_code", o.currency());
        order.put("staff_notes", "");
        order.put("customer_message", o.note() == null ? "" : o.note());
        order.put("discount_amount", money(BigDecimal.ZERO));
        order.put("coupon_discount", money(o.discount()));
        order.put("shipping_address_count", 1);
        order.put("is_deleted", false);
        order.put("is_email_opt_in", o.customer().consent().equals("subscribed"));
        order.put("order_source", "www");
        order.put("channel_id", 1);
        order.set("billing_address", billing(o.billing(), o.email()));
        ArrayNode products = order.putArray("products");
        for (SampleLine line : o.lines()) {
            BigDecimal unitTax = line.tax().divide(BigDecimal.valueOf(line.quantity()), 4, RoundingMode.HALF_UP);
            ObjectNode item = products.addObject();
            item.put("id", line.key());
            item.put("order_id", orderId);
            item.put("product_id", 110 + line.product().key());
            item.put("variant_id", 210 + line.product().key());
            item.put("name", line.product().title());
            item.put("sku", line.product().sku());
            item.put("base_price", money(line.product().price()));
            item.put("price_ex_tax", money(line.product().price()));
            item.put("price_inc_tax", money(line.product().price().add(unitTax)));
            item.put("price_tax", money(unitTax));
            item.put("base_total", money(line.subtotal()));
            item.put("total_ex_tax", money(line.total()));
            item.put("total_inc_tax", money(line.total().add(line.tax())));
            item.put("total_tax", money(line.tax()));
            item.put("quantity", line.quantity());
            item.put("quantity_shipped", o.fulfilled() ? line.quantity() : 0);
            item.putArray("product_options").addObject()
                    .put("display_name", "Variant").put("display_value", line.product().variant());
            item.putArray("applied_discounts");
        }
        ObjectNode shipTo = billing(o.shipping(), o.email());
        shipTo.remove("form_fields");
        shipTo.put("id", 700 + o.key());
        shipTo.put("order_id", orderId);
        shipTo.put("items_total", o.itemCount());
        shipTo.put("items_shipped", o.fulfilled() ? o.itemCount() : 0);
        shipTo.put("shipping_method", o.shippingTitle());
        shipTo.put("base_cost", money(o.shippingPrice()));
        shipTo.put("cost_ex_tax", money(o.shippingPrice()));
        shipTo.put("cost_inc_tax", money(o.shippingPrice()));
        shipTo.put("cost_tax", money(BigDecimal.ZERO));
        order.putArray("shipping_addresses").add(shipTo);
        ArrayNode coupons = order.putArray("coupons");
        if (o.discountCode() != null) {
            coupons.addObject().put("id", 800 + o.key()).put("coupon_id", 3).put("order_id", orderId)
                    .put("code", o.discountCode()).put("amount", "10.0000").put("type", 1)
                    .put("discount", o.discount().setScale(4).toPlainString());
        }
        return new ShapedOrder(String.valueOf(orderId), order, String.valueOf(customerId), customer(o, customerId));
    }

    private ObjectNode customer(SampleOrder o, long customerId) {
        SampleCustomer c = o.customer();
        ObjectNode customer = JSON.objectNode();
        customer.put("id", customerId);
        customer.put("email", c.email());
        customer.put("first_name", c.firstName());
        customer.put("last_name", c.lastName());
        customer.put("company", c.address().company());
        customer.put("phone", c.phone() == null ? "" : c.phone());
        customer.put("registration_ip_address", "");
        customer.put("notes", "");
        customer.put("tax_exempt_category", "");
        customer.put("customer_group_id", 0);
        customer.put("date_created", TimeFormats.iso(c.createdAt()));
        customer.put("address_count", 1);
        customer.put("attribute_count", 0);
        customer.putObject("authentication").put("force_password_reset", false);
        customer.put("accepts_product_review_abandoned_cart_emails", c.consent().equals("subscribed"));
        customer.putArray("store_credit_amounts").addObject().put("amount", 0);
        customer.put("origin_channel_id", 1);
        customer.putNull("channel_ids");
        ObjectNode address = customer.putArray("addresses").addObject();
        SampleAddress a = c.address();
        address.put("id", 20 + c.key());
        address.put("customer_id", customerId);
        address.put("first_name", a.firstName());
        address.put("last_name", a.lastName());
        address.put("company", a.company());
        address.put("address1", a.street());
        address.put("address2", a.street2());
        address.put("city", a.city());
        address.put("state_or_province", a.province());
        address.put("postal_code", a.zip());
        address.put("country", a.country());
        address.put("country_code", a.countryCode());
        address.put("phone", a.phone() == null ? "" : a.phone());
        address.put("address_type", a.company().isEmpty() ? "residential" : "commercial");
        return customer;
    }

    private static ObjectNode billing(SampleAddress a, String email) {
        ObjectNode address = JSON.objectNode();
        address.put("first_name", a.firstName());
        address.put("last_name", a.lastName());
        address.put("company", a.company());
        address.put("street_1", a.street());
        address.put("street_2", a.street2());
        address.put("city", a.city());
        address.put("state", a.province());
        address.put("zip", a.zip());
        address.put("country", a.country());
        address.put("country_iso2", a.countryCode());
        address.put("phone", a.phone() == null ? "" : a.phone());
        address.put("email", email);
        address.putArray("form_fields");
        return address;
    }

    /** v2 money: four decimals, as BigCommerce writes it. */
    private static String money(BigDecimal amount) {
        return amount.setScale(4, RoundingMode.HALF_UP).toPlainString();
    }
}
