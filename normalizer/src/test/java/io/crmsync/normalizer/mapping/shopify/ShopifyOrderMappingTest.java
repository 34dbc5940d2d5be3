package io.crmsync.normalizer.mapping.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmsync.contract.EventCodec;
import io.crmsync.contract.EventType;
import io.crmsync.contract.model.Address;
import io.crmsync.contract.model.Company;
import io.crmsync.contract.model.Consent;
import io.crmsync.contract.model.ConsentStatus;
import io.crmsync.contract.model.Order;
import io.crmsync.contract.model.OrderLine;
import io.crmsync.contract.model.OrderStatus;
import io.crmsync.contract.model.OrderTotals;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.testkit.SharedFixtures;
import io.crmsync.normalizer.TestPayloads;
import io.crmsync.normalizer.mapping.MappingException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShopifyOrderMappingTest {

    private static final String STORE = "acme-shopify";
    private static final EventCodec CODEC = new EventCodec();
    private static final Address BOB_AT_CHESTNUT_STREET = new Address("Bob", "Norman", null, "Chestnut Street 92", null,
            "Louisville", "KY", "40202", "US", "+15024592181", "+1(502)-459-2181");

    private final ShopifyOrderMapping mapping = new ShopifyOrderMapping(new ShopifyAddressMapping(),
            new ShopifyCustomerMapping(new ShopifyAddressMapping(), new ShopifyConsentMapping()));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rest_2024-04_order_all__test_1.json", "rest_2024-04_order_find__test_8.json"})
    void mapsEveryRealShopifyOrder(String fixture) {
        List<JsonNode> orders = SharedFixtures.resources("shopify/" + fixture, fixture.contains("_all_") ? "orders" : "order");
        assertThat(orders).isNotEmpty();

        for (JsonNode payload : orders) {
            Order order = mapping.map(STORE, payload);

            assertThat(order.source()).isEqualTo(new SourceRef("shopify", STORE, "order", "450789469"));
            assertThat(order.orderNumber()).isEqualTo("#1001");
            // financial partially_refunded, not fulfilled, neither cancelled nor closed: row 5 of the table.
            assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
            assertThat(order.sourceStatus()).isEqualTo("partially_refunded/null");
            assertThat(order.totals()).isEqualTo(new OrderTotals("USD", "597.00", "10.00", "0.00", "11.94", "598.94"));
            // total = price x quantity - discount_allocations (the TENOFF code spread as 3.34 + 3.33 + 3.33).
            assertThat(order.lines()).containsExactly(
                    new OrderLine("466157049", "632910392", "39072856", "IPOD2008GREEN", "IPod Nano - 8gb", "green", 1, "199.00", "195.66"),
                    new OrderLine("518995019", "632910392", "49148385", "IPOD2008RED", "IPod Nano - 8gb", "red", 1, "199.00", "195.67"),
                    new OrderLine("703073504", "632910392", "457924702", "IPOD2008BLACK", "IPod Nano - 8gb", "black", 1, "199.00", "195.67"));
            assertThat(order.billingAddresses()).containsExactly(BOB_AT_CHESTNUT_STREET);
            assertThat(order.shippingAddresses()).containsExactly(BOB_AT_CHESTNUT_STREET);
            assertThat(order.createdAt()).isEqualTo(Instant.parse("2008-01-10T16:00:00Z"));
            assertThat(order.updatedAt()).isEqualTo(Instant.parse("2008-01-10T16:00:00Z"));
            assertThat(order.sourceVersion()).isNull();

            var customer = order.customer();
            assertThat(customer.source()).isEqualTo(new SourceRef("shopify", STORE, "customer", "207119551"));
            assertThat(customer.email()).isEqualTo("bob.norman@mail.example.com");
            assertThat(customer.emailRaw()).isEqualTo("bob.norman@mail.example.com");
            assertThat(customer.phone()).isEqualTo("+16136120707");
            assertThat(customer.firstName()).isEqualTo("Bob");
            assertThat(customer.lastName()).isEqualTo("Norman");
            assertThat(customer.emailMarketingConsent()).isEqualTo(new Consent(ConsentStatus.UNKNOWN,
                    "email_marketing_consent.state=not_subscribed", Instant.parse("2004-06-13T15:57:11Z")));
            // 555 is North America's fictional area code: no real number, so only the raw text is kept.
            assertThat(customer.addresses()).containsExactly(new Address(null, null, null, "Chestnut Street 92", null,
                    "Louisville", "KY", "40202", "US", null, "555-625-1199"));
            assertThat(customer.updatedAt()).isEqualTo(Instant.parse("2024-04-02T13:59:11Z"));

            assertThat(CODEC.encode(EventType.ORDER_NORMALIZED, order)).isNotEmpty();
        }
    }

    @Test
    void mapsAGuestOrderWithDiacriticsNationalPhoneAndSeparateAddresses() {
        Order order = mapping.map(STORE, TestPayloads.guestOrder());

        assertThat(order.source()).isEqualTo(new SourceRef("shopify", STORE, "order", "5800000001"));
        assertThat(order.orderNumber()).isEqualTo("#2001");
        assertThat(order.status()).isEqualTo(OrderStatus.PAID);
        assertThat(order.totals()).isEqualTo(new OrderTotals("EUR", "89.90", "5.00", "4.90", "14.34", "89.80"));
        assertThat(order.lines()).containsExactly(
                new OrderLine("13000000001", "7000000001", "4100000001", "TEE-OEKO-M", "Öko-T-Shirt", "M / Grün", 2, "29.95", "59.90"),
                new OrderLine("13000000002", "7000000002", "4100000002", null, "Geschenkkarton", null, 1, "30.00", "25.00"));
        assertThat(order.billingAddresses()).containsExactly(new Address("Zoë", "Müller-Łukasiewicz", "Bäckerei Ærø GmbH",
                "Hauptstraße 1", "Hinterhaus, 2. OG", "München", "BY", "80331", "DE", "+49891234567", "089 1234567"));
        assertThat(order.shippingAddresses()).containsExactly(new Address("Jörg", "Bäcker", null,
                "Königsallee 2", null, "Düsseldorf", "NW", "40212", "DE", null, null));
        // B2B: the billing address names a company; the shipping address's company never would.
        assertThat(order.company()).isEqualTo(new Company(null, "Bäckerei Ærø GmbH", null, order.billingAddresses().get(0)));

        var guest = order.customer();
        assertThat(guest.source()).isEqualTo(new SourceRef("shopify", STORE, "customer", null));
        assertThat(guest.email()).isEqualTo("jörg.bäcker@example.com");
        assertThat(guest.emailRaw()).isEqualTo("  Jörg.Bäcker@Example.COM ");
        // National format, read in the billing country.
        assertThat(guest.phone()).isEqualTo("+493012345678");
        assertThat(guest.phoneRaw()).isEqualTo("030 12345678");
        assertThat(guest.firstName()).isEqualTo("Zoë");
        assertThat(guest.lastName()).isEqualTo("Müller-Łukasiewicz");
        // An unticked checkout box is no evidence of refusal.
        assertThat(guest.emailMarketingConsent()).isEqualTo(new Consent(ConsentStatus.UNKNOWN, "buyer_accepts_marketing=false", null));
        assertThat(guest.updatedAt()).isEqualTo(order.updatedAt()).isEqualTo(Instant.parse("2026-03-01T09:16:02Z"));

        String json = new String(CODEC.encode(EventType.ORDER_NORMALIZED, order), StandardCharsets.UTF_8);
        assertThat(json).contains("\"lastName\":\"Müller-Łukasiewicz\"", "\"city\":\"Düsseldorf\"")
                .doesNotContain("\"objectId\":null");
    }

    @Test
    void guestWhoTickedTheMarketingBoxHasGrantedConsent() {
        ObjectNode payload = TestPayloads.guestOrder().put("buyer_accepts_marketing", true);

        assertThat(mapping.map(STORE, payload).customer().emailMarketingConsent())
                .isEqualTo(new Consent(ConsentStatus.GRANTED, "buyer_accepts_marketing=true", null));
    }

    @Test
    void unparseablePhoneKeepsRawAndLeavesPhoneEmpty() {
        ObjectNode payload = TestPayloads.guestOrder().put("phone", "call me after 6");
        ((ObjectNode) payload.get("billing_address")).put("phone", "12");

        Order order = mapping.map(STORE, payload);

        assertThat(order.customer().phone()).isNull();
        assertThat(order.customer().phoneRaw()).isEqualTo("call me after 6");
        assertThat(order.billingAddresses().get(0).phone()).isNull();
        assertThat(order.billingAddresses().get(0).phoneRaw()).isEqualTo("12");
        assertThat(CODEC.encode(EventType.ORDER_NORMALIZED, order)).isNotEmpty();
    }

    @Test
    void cancelledOrderIsCancelledEvenWhenRefunded() {
        ObjectNode payload = TestPayloads.guestOrder()
                .put("cancelled_at", "2026-03-02T08:00:00+01:00")
                .put("cancel_reason", "customer")
                .put("financial_status", "refunded");

        Order order = mapping.map(STORE, payload);

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.sourceStatus()).isEqualTo("refunded/null");
        assertThat(CODEC.encode(EventType.ORDER_NORMALIZED, order)).isNotEmpty();
    }

    @Test
    void refundedOrderIsRefunded() {
        Order order = mapping.map(STORE, TestPayloads.guestOrder().put("financial_status", "refunded").put("fulfillment_status", "fulfilled"));

        assertThat(order.status()).isEqualTo(OrderStatus.REFUNDED);
    }

    @Test
    void partiallyFulfilledPaidOrderIsPartiallyFulfilled() {
        Order order = mapping.map(STORE, TestPayloads.guestOrder().put("fulfillment_status", "partial"));

        assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_FULFILLED);
        assertThat(order.sourceStatus()).isEqualTo("paid/partial");
        assertThat(CODEC.encode(EventType.ORDER_NORMALIZED, order)).isNotEmpty();
    }

    @Test
    void registeredBuyerWithoutOwnEmailTakesTheOrderEmail() {
        ObjectNode payload = TestPayloads.guestOrder();
        payload.putObject("customer").put("id", 6200000001L).put("updated_at", "2026-02-14T09:30:00+01:00")
                .putObject("email_marketing_consent").put("state", "unsubscribed");

        var customer = mapping.map(STORE, payload).customer();

        assertThat(customer.source().objectId()).isEqualTo("6200000001");
        assertThat(customer.email()).isEqualTo("jörg.bäcker@example.com");
        assertThat(customer.emailMarketingConsent().status()).isEqualTo(ConsentStatus.DENIED);
        assertThat(customer.updatedAt()).isEqualTo(Instant.parse("2026-02-14T08:30:00Z"));
    }

    @Test
    void orderThatNamesNobodyHasNoCustomer() {
        ObjectNode payload = TestPayloads.guestOrder();
        payload.remove(List.of("email", "contact_email", "phone"));

        Order order = mapping.map(STORE, payload);

        assertThat(order.customer()).isNull();
        assertThat(CODEC.encode(EventType.ORDER_NORMALIZED, order)).isNotEmpty();
    }

    @Test
    void numericAmountsStayExactDecimals() {
        ObjectNode payload = TestPayloads.guestOrder();
        ((ObjectNode) payload.get("line_items").get(0)).put("price", new BigDecimal("29.95"));
        payload.put("total_price", new BigDecimal("89.80"));

        Order order = mapping.map(STORE, payload);

        assertThat(order.lines().get(0).unitPrice()).isEqualTo("29.95");
        assertThat(order.lines().get(0).total()).isEqualTo("59.90");
        assertThat(order.totals().total()).isEqualTo("89.80");
    }

    @Test
    void amountReadAsBinaryFloatIsRefused() {
        ObjectNode payload = TestPayloads.guestOrder().put("total_price", 89.8d);

        assertThatThrownBy(() -> mapping.map(STORE, payload))
                .isInstanceOf(MappingException.class).hasMessageContaining("total_price");
    }

    @Test
    void missingUpdatedAtIsAMappingError() {
        ObjectNode payload = TestPayloads.guestOrder();
        payload.remove("updated_at");

        assertThatThrownBy(() -> mapping.map(STORE, payload))
                .isInstanceOf(MappingException.class).hasMessageContaining("updated_at");
    }

    @Test
    void unknownCurrencyIsAMappingError() {
        assertThatThrownBy(() -> mapping.map(STORE, TestPayloads.guestOrder().put("currency", "EURO")))
                .isInstanceOf(MappingException.class).hasMessageContaining("currency");
    }
}
