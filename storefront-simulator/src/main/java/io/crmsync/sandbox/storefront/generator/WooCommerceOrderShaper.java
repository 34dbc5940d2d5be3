package io.crmsync.sandbox.storefront.generator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmsync.commons.tenant.Platform;
import io.crmsync.sandbox.storefront.platform.TimeFormats;
import io.crmsync.sandbox.storefront.platform.WooCommerceDialect;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;

/** WooCommerce REST API v3 order and customer resources (the shapes of the official API docs). */
@ApplicationScoped
public class WooCommerceOrderShaper implements OrderShaper {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int TAX_RATE_ID = 75;

    private final ZoneId siteZone;

    public WooCommerceOrderShaper(WooCommerceDialect dialect) {
        this.siteZone = dialect.siteZone();
    }

    @Override
    public Platform platform() {
        return Platform.WOOCOMMERCE;
    }

    @Override
    public ShapedOrder shape(SampleOrder o) {
        long orderId = 1_000 + o.key();
        long customerId = 1_000 + o.customer().key();
        ObjectNode order = JSON.objectNode();
        order.put("id", orderId);
        order.put("parent_id", 0);
        order.put("status", switch (o.state()) {
            case PAID -> o.fulfilled() ? "completed" : "processing";
            case PENDING -> "pending";
            case AUTHORIZED -> "on-hold";
            case REFUNDED -> "refunded";
            case CANCELLED -> "cancelled";
        });
        order.put("currency", o.currency());
        order.put("version", "8.9.3");
        order.put("prices_include_tax", false);
        putDate(order, "date_created", o.createdAt());
        order.put("discount_total", money(o.discount()));
        order.put("discount_tax", "0.00");
        order.put("shipping_total", money(o.shippingPrice()));
        order.put("shipping_tax", "0.00");
        order.put("cart_tax", money(o.tax()));
        order.put("total", money(o.total()));
        order.put("total_tax", money(o.tax()));
        order.put("customer_id", customerId);
        order.put("order_key", "wc_order_" + HexFormat.of().toHexDigits(o.key() * 7919).substring(3));
        order.set("billing", address(o.billing(), o.email()));
        order.set("shipping", address(o.shipping(), null));
        order.put("payment_method", "stripe");
        order.put("payment_method_title", "Credit Card (Stripe)");
        boolean paid = o.state() == OrderState.PAID || o.state() == OrderState.REFUNDED;
        order.put("transaction_id", paid ? "ch_" + HexFormat.of().toHexDigits(o.key() * 104_729) : "");
        order.put("customer_ip_address", "203.0.113." + (o.key() % 250 + 1));
        order.put("customer_user_agent", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 Safari/605.1.15");
        order.put("created_via", "checkout");
        order.put("customer_note", o.note() == null ? "" : o.note());
        Instant paidAt = o.createdAt().plusSeconds(5);
        if (o.fulfilled()) {
            putDate(order, "date_completed", o.createdAt().plusSeconds(86_400));
        } else {
            order.putNull("date_completed");
            order.putNull("date_completed_gmt");
        }
        if (paid) {
            putDate(order, "date_paid", paidAt);
        } else {
            order.putNull("date_paid");
            order.putNull("date_paid_gmt");
        }
        order.put("cart_hash", HexFormat.of().toHexDigits(o.key() * 6_364_136_223_846_793_005L));
        order.put("number", String.valueOf(orderId));
        order.putArray("meta_data");
        ArrayNode lines = order.putArray("line_items");
        for (SampleLine line : o.lines()) {
            ObjectNode item = lines.addObject();
            item.put("id", 300 + line.key());
            item.put("name", line.product().title() + " - " + line.product().variant());
            item.put("product_id", 90 + line.product().key());
            item.put("variation_id", 0);
            item.put("quantity", line.quantity());
            item.put("tax_class", "");
            item.put("subtotal", money(line.subtotal()));
            item.put("subtotal_tax", money(line.subtotal().multiply(o.taxRate()).setScale(2, java.math.RoundingMode.HALF_UP)));
            item.put("total", money(line.total()));
            item.put("total_tax", money(line.tax()));
            item.putArray("taxes").addObject().put("id", TAX_RATE_ID).put("total", money(line.tax()))
                    .put("subtotal", money(line.subtotal().multiply(o.taxRate()).setScale(2, java.math.RoundingMode.HALF_UP)));
            item.putArray("meta_data");
            item.put("sku", line.product().sku());
            item.put("price", line.product().price().stripTrailingZeros());
        }
        order.putArray("tax_lines").addObject()
                .put("id", 400 + o.key())
                .put("rate_code", o.billing().countryCode() + "-" + o.taxTitle().toUpperCase() + "-1")
                .put("rate_id", TAX_RATE_ID)
                .put("label", o.taxTitle())
                .put("compound", false)
                .put("tax_total", money(o.tax()))
                .put("shipping_tax_total", "0.00")
                .put("rate_percent", o.taxRate().movePointRight(2).stripTrailingZeros())
                .putArray("meta_data");
        order.putArray("shipping_lines").addObject()
                .put("id", 500 + o.key())
                .put("method_title", o.shippingTitle())
                .put("method_id", o.shippingPrice().signum() == 0 ? "free_shipping" : "flat_rate")
                .put("instance_id", "1")
                .put("total", money(o.shippingPrice()))
                .put("total_tax", "0.00")
                .putArray("taxes");
        order.putArray("fee_lines");
        ArrayNode coupons = order.putArray("coupon_lines");
        if (o.discountCode() != null) {
            coupons.addObject().put("id", 600 + o.key()).put("code", o.discountCode().toLowerCase())
                    .put("discount", money(o.discount())).put("discount_tax", "0.00").putArray("meta_data");
        }
        order.putArray("refunds");
        order.put("currency_symbol", "$");
        return new ShapedOrder(String.valueOf(orderId), order, String.valueOf(customerId), customer(o, customerId));
    }

    private ObjectNode customer(SampleOrder o, long customerId) {
        SampleCustomer c = o.customer();
        ObjectNode customer = JSON.objectNode();
        customer.put("id", customerId);
        putDate(customer, "date_created", c.createdAt());
        customer.put("email", c.email());
        customer.put("first_name", c.firstName());
        customer.put("last_name", c.lastName());
        customer.put("role", "customer");
        customer.put("username", c.email().trim().toLowerCase().split("@")[0]);
        customer.set("billing", address(c.address(), c.email()));
        customer.set("shipping", address(c.address(), null));
        customer.put("is_paying_customer", true);
        customer.put("avatar_url", "https://secure.gravatar.com/avatar/?s=96&d=mm&r=g");
        ArrayNode meta = customer.putArray("meta_data");
        if (!c.consent().equals("unknown")) {
            // WooCommerce has no consent field of its own; newsletter plugins keep it in meta data.
            meta.addObject().put("id", 9_000 + c.key()).put("key", "_newsletter_optin")
                    .put("value", c.consent().equals("subscribed") ? "yes" : "no");
        }
        return customer;
    }

    /** Billing carries email and phone; WooCommerce shipping addresses carry a phone since 5.6. */
    private static ObjectNode address(SampleAddress a, String email) {
        ObjectNode address = JSON.objectNode();
        address.put("first_name", a.firstName());
        address.put("last_name", a.lastName());
        address.put("company", a.company());
        address.put("address_1", a.street());
        address.put("address_2", a.street2());
        address.put("city", a.city());
        address.put("state", a.provinceCode());
        address.put("postcode", a.zip());
        address.put("country", a.countryCode());
        if (email != null) {
            address.put("email", email);
        }
        address.put("phone", a.phone() == null ? "" : a.phone());
        return address;
    }

    private void putDate(ObjectNode node, String field, Instant instant) {
        node.put(field, TimeFormats.wooLocal(instant, siteZone));
        node.put(field + "_gmt", TimeFormats.wooGmt(instant));
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2).toPlainString();
    }
}
