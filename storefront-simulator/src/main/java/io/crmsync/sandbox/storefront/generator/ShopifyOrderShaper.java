package io.crmsync.sandbox.storefront.generator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmsync.commons.tenant.Platform;
import io.crmsync.sandbox.storefront.platform.ShopifyDialect;
import io.crmsync.sandbox.storefront.platform.TimeFormats;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;

/** Shopify REST Admin API 2024-04 order and customer resources (the shapes of the official SDK's fixtures). */
@ApplicationScoped
public class ShopifyOrderShaper implements OrderShaper {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final long ORDER_IDS = 5_100_000_000_000L;
    private static final long CUSTOMER_IDS = 7_200_000_000_000L;
    private static final long ADDRESS_IDS = 8_300_000_000_000L;
    private static final long LINE_IDS = 13_000_000_000_000L;
    private static final long PRODUCT_IDS = 632_910_000L;
    private static final long VARIANT_IDS = 808_950_000L;

    private final ZoneId shopZone;

    public ShopifyOrderShaper(ShopifyDialect dialect) {
        this.shopZone = dialect.shopZone();
    }

    @Override
    public Platform platform() {
        return Platform.SHOPIFY;
    }

    @Override
    public ShapedOrder shape(SampleOrder o) {
        long orderId = ORDER_IDS + o.key();
        long customerId = CUSTOMER_IDS + o.customer().key();
        String created = time(o.createdAt());
        boolean cancelled = o.state() == OrderState.CANCELLED;
        boolean settled = o.state() == OrderState.REFUNDED || cancelled;

        ObjectNode order = JSON.objectNode();
        order.put("id", orderId);
        order.put("admin_graphql_api_id", "gid://shopify/Order/" + orderId);
        order.put("app_id", 580111);
        order.put("browser_ip", "203.0.113." + (o.key() % 250 + 1));
        order.put("buyer_accepts_marketing", o.customer().consent().equals("subscribed"));
        order.put("cancel_reason", cancelled ? "customer" : null);
        order.put("cancelled_at", cancelled ? time(o.createdAt().plusSeconds(3600)) : null);
        order.putNull("cart_token");
        order.put("checkout_id", 901_414_000L + o.key());
        order.put("checkout_token", token(o.key(), "checkout"));
        order.put("closed_at", cancelled ? time(o.createdAt().plusSeconds(3600)) : null);
        order.put("confirmation_number", confirmation(o.key()));
        order.put("confirmed", true);
        order.put("contact_email", o.email());
        order.put("created_at", created);
        order.put("currency", o.currency());
        order.put("current_subtotal_price", settled ? "0.00" : money(o.subtotal().subtract(o.discount())));
        order.put("current_total_discounts", settled ? "0.00" : money(o.discount()));
        order.put("current_total_price", settled ? "0.00" : money(o.total()));
        order.put("current_total_tax", settled ? "0.00" : money(o.tax()));
        order.put("customer_locale", o.customer().locale());
        order.put("email", o.email());
        order.put("estimated_taxes", false);
        order.put("financial_status", switch (o.state()) {
            case PAID -> "paid";
            case PENDING -> "pending";
            case AUTHORIZED -> "authorized";
            case REFUNDED -> "refunded";
            case CANCELLED -> "voided";
        });
        order.put("fulfillment_status", o.fulfilled() ? "fulfilled" : null);
        order.put("landing_site", "/");
        order.put("name", "#" + o.number());
        order.put("note", o.note());
        order.put("number", o.number() - 1000);
        order.put("order_number", o.number());
        order.put("phone", o.billing().phone());
        order.put("presentment_currency", o.currency());
        order.put("processed_at", created);
        order.put("source_name", "web");
        order.put("subtotal_price", money(o.subtotal().subtract(o.discount())));
        order.set("subtotal_price_set", moneySet(o.subtotal().subtract(o.discount()), o.currency()));
        order.put("tags", "");
        order.put("tax_exempt", false);
        ArrayNode taxLines = order.putArray("tax_lines");
        taxLines.addObject().put("price", money(o.tax())).put("rate", o.taxRate()).put("title", o.taxTitle())
                .set("price_set", moneySet(o.tax(), o.currency()));
        order.put("taxes_included", false);
        order.put("test", false);
        order.put("token", token(o.key(), "order"));
        order.put("total_discounts", money(o.discount()));
        order.set("total_discounts_set", moneySet(o.discount(), o.currency()));
        order.put("total_line_items_price", money(o.subtotal()));
        order.put("total_outstanding", o.state() == OrderState.PENDING || o.state() == OrderState.AUTHORIZED ? money(o.total()) : "0.00");
        order.put("total_price", money(o.total()));
        order.set("total_price_set", moneySet(o.total(), o.currency()));
        order.set("total_shipping_price_set", moneySet(o.shippingPrice(), o.currency()));
        order.put("total_tax", money(o.tax()));
        order.set("total_tax_set", moneySet(o.tax(), o.currency()));
        order.put("total_weight", o.grams());
        order.putNull("user_id");
        order.set("billing_address", address(o.billing(), null));
        order.set("customer", orderCustomer(o, customerId));
        ArrayNode codes = order.putArray("discount_codes");
        if (o.discountCode() != null) {
            codes.addObject().put("code", o.discountCode()).put("amount", money(o.discount())).put("type", "percentage");
        }
        order.putArray("fulfillments");
        ArrayNode lines = order.putArray("line_items");
        for (SampleLine line : o.lines()) {
            ObjectNode item = lines.addObject();
            item.put("id", LINE_IDS + line.key());
            item.put("admin_graphql_api_id", "gid://shopify/LineItem/" + (LINE_IDS + line.key()));
            item.put("fulfillable_quantity", o.fulfilled() || settled ? 0 : line.quantity());
            item.put("fulfillment_service", "manual");
            item.put("fulfillment_status", o.fulfilled() ? "fulfilled" : null);
            item.put("gift_card", false);
            item.put("grams", line.product().grams());
            item.put("name", line.product().title() + " - " + line.product().variant());
            item.put("price", money(line.product().price()));
            item.set("price_set", moneySet(line.product().price(), o.currency()));
            item.put("product_exists", true);
            item.put("product_id", PRODUCT_IDS + line.product().key());
            item.put("quantity", line.quantity());
            item.put("requires_shipping", true);
            item.put("sku", line.product().sku());
            item.put("taxable", true);
            item.put("title", line.product().title());
            item.put("total_discount", money(line.discount()));
            item.set("total_discount_set", moneySet(line.discount(), o.currency()));
            item.put("variant_id", VARIANT_IDS + line.product().key());
            item.put("variant_title", line.product().variant());
            item.put("vendor", "Acme Goods");
            item.putArray("tax_lines").addObject().put("price", money(line.tax())).put("rate", o.taxRate())
                    .put("title", o.taxTitle()).set("price_set", moneySet(line.tax(), o.currency()));
        }
        order.putArray("refunds");
        order.set("shipping_address", address(o.shipping(), null));
        order.putArray("shipping_lines").addObject()
                .put("id", 369_256_000L + o.key())
                .put("code", o.shippingTitle())
                .put("price", money(o.shippingPrice()))
                .put("source", "shopify")
                .put("title", o.shippingTitle())
                .set("price_set", moneySet(o.shippingPrice(), o.currency()));
        return new ShapedOrder(String.valueOf(orderId), order, String.valueOf(customerId), customer(o, customerId, orderId));
    }

    /** The customer resource ({@code customers/{id}.json}); its phone is E.164, which Shopify requires for customers. */
    private ObjectNode customer(SampleOrder o, long customerId, long lastOrderId) {
        SampleCustomer c = o.customer();
        ObjectNode customer = JSON.objectNode();
        customer.put("id", customerId);
        customer.put("email", c.email());
        customer.put("created_at", time(c.createdAt()));
        customer.put("first_name", c.firstName());
        customer.put("last_name", c.lastName());
        customer.put("orders_count", o.customerOrderCount());
        customer.put("state", "enabled");
        customer.put("total_spent", money(o.customerSpent()));
        customer.put("last_order_id", lastOrderId);
        customer.putNull("note");
        customer.put("verified_email", true);
        customer.putNull("multipass_identifier");
        customer.put("tax_exempt", false);
        customer.put("tags", c.address().company().isEmpty() ? "" : "b2b");
        customer.put("last_order_name", "#" + o.number());
        customer.put("currency", o.currency());
        customer.put("phone", c.phoneE164());
        customer.putArray("addresses").add(address(c.address(), customerId));
        customer.putArray("tax_exemptions");
        customer.set("email_marketing_consent", emailConsent(c));
        customer.set("sms_marketing_consent", c.phoneE164() == null ? JSON.nullNode() : JSON.objectNode()
                .put("state", "not_subscribed").putNull("opt_in_level").putNull("consent_updated_at")
                .put("consent_collected_from", "OTHER"));
        customer.put("admin_graphql_api_id", "gid://shopify/Customer/" + customerId);
        customer.set("default_address", address(c.address(), customerId));
        return customer;
    }

    private ObjectNode orderCustomer(SampleOrder o, long customerId) {
        SampleCustomer c = o.customer();
        ObjectNode customer = JSON.objectNode();
        customer.put("id", customerId);
        customer.put("email", c.email());
        customer.put("created_at", time(c.createdAt()));
        customer.put("updated_at", time(o.createdAt()));
        customer.put("first_name", c.firstName());
        customer.put("last_name", c.lastName());
        customer.put("state", "enabled");
        customer.putNull("note");
        customer.put("verified_email", true);
        customer.putNull("multipass_identifier");
        customer.put("tax_exempt", false);
        customer.put("phone", c.phoneE164());
        customer.set("email_marketing_consent", emailConsent(c));
        customer.put("tags", "");
        customer.put("currency", o.currency());
        customer.putArray("tax_exemptions");
        customer.put("admin_graphql_api_id", "gid://shopify/Customer/" + customerId);
        customer.set("default_address", address(c.address(), customerId));
        return customer;
    }

    /** Consent is reported only where the buyer gave an answer; unknown stays null. */
    private ObjectNode emailConsent(SampleCustomer c) {
        if (c.consent().equals("unknown")) {
            return null;
        }
        ObjectNode consent = JSON.objectNode();
        consent.put("state", c.consent());
        consent.put("opt_in_level", c.consent().equals("subscribed") ? "single_opt_in" : null);
        consent.put("consent_updated_at", time(c.createdAt()));
        return consent;
    }

    private ObjectNode address(SampleAddress a, Long customerId) {
        ObjectNode address = JSON.objectNode();
        if (customerId != null) {
            address.put("id", ADDRESS_IDS + customerId % 10_000_000);
            address.put("customer_id", customerId);
        }
        address.put("first_name", a.firstName());
        address.put("address1", a.street());
        address.put("phone", a.phone());
        address.put("city", a.city());
        address.put("zip", a.zip());
        address.put("province", a.province());
        address.put("country", a.country());
        address.put("last_name", a.lastName());
        address.put("address2", a.street2());
        address.put("company", a.company().isEmpty() ? null : a.company());
        address.putNull("latitude");
        address.putNull("longitude");
        address.put("name", a.firstName() + " " + a.lastName());
        address.put("country_code", a.countryCode());
        address.put("province_code", a.provinceCode());
        if (customerId != null) {
            address.put("country_name", a.country());
            address.put("default", true);
        }
        return address;
    }

    private static ObjectNode moneySet(BigDecimal amount, String currency) {
        ObjectNode set = JSON.objectNode();
        set.putObject("shop_money").put("amount", money(amount)).put("currency_code", currency);
        set.putObject("presentment_money").put("amount", money(amount)).put("currency_code", currency);
        return set;
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2).toPlainString();
    }

    private String time(Instant instant) {
        return TimeFormats.shopify(instant, shopZone);
    }

    private static String token(long key, String kind) {
        return HexFormat.of().toHexDigits(key * 31 + kind.hashCode()) + HexFormat.of().toHexDigits(key);
    }

    private static String confirmation(long key) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder out = new StringBuilder();
        long v = key * 2_654_435_761L;
        for (int i = 0; i < 9; i++) {
            out.append(alphabet.charAt((int) Math.floorMod(v, alphabet.length())));
            v /= alphabet.length();
        }
        return out.toString();
    }
}
