package io.crmsync.normalizer.mapping.woocommerce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmsync.contract.EventType;
import io.crmsync.contract.model.Address;
import io.crmsync.contract.model.Company;
import io.crmsync.contract.model.Consent;
import io.crmsync.contract.model.Customer;
import io.crmsync.contract.model.Order;
import io.crmsync.contract.model.OrderLine;
import io.crmsync.contract.model.OrderStatus;
import io.crmsync.contract.model.OrderTotals;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.normalizer.mapping.MappingException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static io.crmsync.normalizer.mapping.woocommerce.WooCommercePayloads.CODEC;
import static io.crmsync.normalizer.mapping.woocommerce.WooCommercePayloads.STORE;
import static io.crmsync.normalizer.mapping.woocommerce.WooCommercePayloads.assertValidAndRoundTrips;
import static io.crmsync.normalizer.mapping.woocommerce.WooCommercePayloads.fixture;
import static io.crmsync.normalizer.mapping.woocommerce.WooCommercePayloads.ours;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WooCommerceOrderMappingTest {

    /** WooCommerce's sample billing address; 555 is North America's fictional area code, so only the raw phone is kept. */
    private static final Address JOHN_BILLING = new Address("John", "Doe", null, "969 Market", null,
            "San Francisco", "CA", "94103", "US", null, "(555) 555-5555");
    private static final Address JOHN_SHIPPING = new Address("John", "Doe", null, "969 Market", null,
            "San Francisco", "CA", "94103", "US", null, null);

    private final WooCommerceOrderMapping mapping = new WooCommerceOrderMapping(new WooCommerceAddressMapping(),
            new WooCommerceCustomerMapping(new WooCommerceAddressMapping()));

    @Test
    void mapsTheRealRetrievedOrder() {
        Order order = mapping.map(STORE, fixture("order_retrieve_v3.json"));

        assertThat(order.source()).isEqualTo(new SourceRef("woocommerce", STORE, "order", "727"));
        assertThat(order.orderNumber()).isEqualTo("727");
        assertThat(order.status()).isEqualTo(OrderStatus.PAID);
        assertThat(order.sourceStatus()).isEqualTo("processing");
        // subtotal = 6.00 + 12.00 (WooCommerce has no order subtotal field)
        assertThat(order.totals()).isEqualTo(new OrderTotals("USD", "18.00", "0.00", "10.00", "1.35", "29.35"));
        // price is a JSON number (3, 12), read exactly; variation_id 0 = none; sku "" = absent
        assertThat(order.lines()).containsExactly(
                new OrderLine("315", "93", null, null, "Woo Single #1", null, 2, "3", "6.00"),
                new OrderLine("316", "22", "23", "Bar3", "Ship Your Idea &ndash; Color: Black, Size: M Test", null, 1, "12", "12.00"));
        assertThat(order.billingAddresses()).containsExactly(JOHN_BILLING);
        assertThat(order.shippingAddresses()).containsExactly(JOHN_SHIPPING);
        assertThat(order.createdAt()).isEqualTo(Instant.parse("2017-03-22T19:28:02Z"));
        assertThat(order.updatedAt()).isEqualTo(Instant.parse("2017-03-22T19:28:08Z"));
        // "version": "3.0.0" is the plugin's version, not the order's
        assertThat(order.sourceVersion()).isNull();
        assertThat(order.company()).isNull();

        // customer_id 0: a guest, known by the billing e-mail and phone
        assertThat(order.customer()).isEqualTo(new Customer(new SourceRef("woocommerce", STORE, "customer", null),
                "john.doe@example.com", "john.doe@example.com", null, "(555) 555-5555", "John", "Doe",
                Consent.unknown(), List.of(), null, Instant.parse("2017-03-22T19:28:08Z"), null, null));

        assertValidAndRoundTrips(EventType.ORDER_NORMALIZED, order);
    }

    @Test
    void mapsTheRealUpdatedOrderAsFulfilled() {
        Order order = mapping.map(STORE, fixture("order_update_v3.json"));

        assertThat(order.status()).isEqualTo(OrderStatus.FULFILLED);
        assertThat(order.sourceStatus()).isEqualTo("completed");
        assertThat(order.totals().total()).isEqualTo("29.35");
        assertThat(order.updatedAt()).isEqualTo(Instant.parse("2017-03-22T19:30:35Z"));
        assertValidAndRoundTrips(EventType.ORDER_NORMALIZED, order);
    }

    @Test
    void mapsAGuestOrderWithDiacriticsNationalPhoneAndSeparateAddresses() {
        Order order = mapping.map(STORE, ours("order-guest-de.json"));

        assertThat(order.source()).isEqualTo(new SourceRef("woocommerce", STORE, "order", "5001"));
        assertThat(order.status()).isEqualTo(OrderStatus.PAID);
        assertThat(order.totals()).isEqualTo(new OrderTotals("EUR", "89.90", "8.99", "4.90", "16.30", "102.11"));
        // price 26.955 (= total / quantity after the coupon) stays exactly as sent
        assertThat(order.lines()).containsExactly(
                new OrderLine("9101", "101", "111", "TEE-OEKO-GRUEN-M", "Öko-T-Shirt - Grün, M", null, 2, "26.955", "53.91"),
                new OrderLine("9102", "102", null, null, "Geschenkkarton", null, 1, "27", "27.00"));
        assertThat(order.billingAddresses()).containsExactly(new Address("Zoë", "Müller", null, "Hauptstraße 1",
                "Hinterhaus, 2. OG", "München", "BY", "80331", "DE", "+493012345678", "030 12345678"));
        assertThat(order.shippingAddresses()).containsExactly(new Address("Søren", "Ærø", null, "Havnegade 3", null,
                "Marstal", null, "5960", "DK", null, null));
        assertThat(order.createdAt()).isEqualTo(Instant.parse("2026-03-01T09:15:30Z"));
        assertThat(order.updatedAt()).isEqualTo(Instant.parse("2026-03-01T09:16:02Z"));

        Customer guest = order.customer();
        assertThat(guest.source()).isEqualTo(new SourceRef("woocommerce", STORE, "customer", null));
        assertThat(guest.email()).isEqualTo("zoë.müller@example.de");
        assertThat(guest.emailRaw()).isEqualTo("  Zoë.Müller@Example.DE ");
        // national format, read in the billing country
        assertThat(guest.phone()).isEqualTo("+493012345678");
        assertThat(guest.phoneRaw()).isEqualTo("030 12345678");
        assertThat(guest.firstName()).isEqualTo("Zoë");
        assertThat(guest.lastName()).isEqualTo("Müller");
        assertThat(guest.emailMarketingConsent()).isEqualTo(Consent.unknown());
        assertThat(guest.updatedAt()).isEqualTo(order.updatedAt());

        assertValidAndRoundTrips(EventType.ORDER_NORMALIZED, order);
        String json = new String(CODEC.encode(EventType.ORDER_NORMALIZED, order), StandardCharsets.UTF_8);
        assertThat(json).contains("\"lastName\":\"Ærø\"", "\"city\":\"München\"", "\"unitPrice\":\"26.955\"")
                .doesNotContain("\"objectId\":null");
    }

    @Test
    void mapsABusinessOrderWithItsCompanyAndNoEmptyShippingAddress() {
        Order order = mapping.map(STORE, ours("order-b2b-fr.json"));

        assertThat(order.orderNumber()).isEqualTo("FR-5002");
        assertThat(order.status()).isEqualTo(OrderStatus.FULFILLED);
        assertThat(order.totals()).isEqualTo(new OrderTotals("EUR", "240.00", "0.00", "0.00", "48.00", "288.00"));
        Address billing = new Address("Hélène", "Dupré", " Société Ærø SARL ", "12 rue de la Paix", null, "Paris",
                null, "75002", "FR", "+33612345678", "06 12 34 56 78");
        assertThat(order.billingAddresses()).containsExactly(billing);
        // WooCommerce sends an all-blank shipping object when there is no shipping address
        assertThat(order.shippingAddresses()).isEmpty();
        assertThat(order.company()).isEqualTo(new Company(null, "Société Ærø SARL", null, billing));

        Customer buyer = order.customer();
        assertThat(buyer.source()).isEqualTo(new SourceRef("woocommerce", STORE, "customer", "42"));
        assertThat(buyer.email()).isEqualTo("achats@aero-sarl.example.fr");
        assertThat(buyer.phone()).isEqualTo("+33612345678");
        assertThat(buyer.company()).isEqualTo(order.company());
        assertValidAndRoundTrips(EventType.ORDER_NORMALIZED, order);
    }

    @Test
    void orderWithARefundIsPartiallyRefunded() {
        Order order = mapping.map(STORE, ours("order-partially-refunded.json"));

        assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
        assertThat(order.sourceStatus()).isEqualTo("processing");
        // amounts are the order as placed; the refund is its own entity
        assertThat(order.totals()).isEqualTo(new OrderTotals("USD", "40.00", "0.00", "5.00", "0.00", "45.00"));
        assertThat(order.customer().source().objectId()).isEqualTo("77");
        assertThat(order.customer().lastName()).isEqualTo("Peña");
        assertValidAndRoundTrips(EventType.ORDER_NORMALIZED, order);
    }

    @Test
    void refundedAndCancelledWordsWinOverTheRefundList() {
        assertThat(mapping.map(STORE, ours("order-partially-refunded.json").put("status", "refunded")).status())
                .isEqualTo(OrderStatus.REFUNDED);
        assertThat(mapping.map(STORE, ours("order-partially-refunded.json").put("status", "cancelled")).status())
                .isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void phoneRegionFallsBackToTheShippingCountry() {
        ObjectNode payload = ours("order-guest-de.json");
        ((ObjectNode) payload.get("billing")).put("country", "").put("phone", "20 12 34 56");

        Order order = mapping.map(STORE, payload);

        // a Danish national number, read in the shipping country (DK)
        assertThat(order.customer().phone()).isEqualTo("+4520123456");
        assertThat(order.billingAddresses().get(0).phone()).isNull();
        assertThat(order.billingAddresses().get(0).phoneRaw()).isEqualTo("20 12 34 56");
    }

    @Test
    void guestWithoutEmailOrPhoneHasNoCustomer() {
        ObjectNode payload = ours("order-guest-de.json");
        ((ObjectNode) payload.get("billing")).put("email", "").put("phone", "");

        Order order = mapping.map(STORE, payload);

        assertThat(order.customer()).isNull();
        assertValidAndRoundTrips(EventType.ORDER_NORMALIZED, order);
    }

    @Test
    void siteLocalTimeIsReadAsUtcOnlyWhenTheGmtOneIsAbsent() {
        ObjectNode payload = ours("order-guest-de.json");
        payload.remove(List.of("date_modified_gmt", "date_created_gmt"));

        Order order = mapping.map(STORE, payload);

        assertThat(order.updatedAt()).isEqualTo(Instant.parse("2026-03-01T10:16:02Z"));
        assertThat(order.createdAt()).isEqualTo(Instant.parse("2026-03-01T10:15:30Z"));
    }

    @Test
    void timeWithAnOffsetIsReadWithIt() {
        Order order = mapping.map(STORE, ours("order-guest-de.json").put("date_modified_gmt", "2026-03-01T10:16:02+01:00"));

        assertThat(order.updatedAt()).isEqualTo(Instant.parse("2026-03-01T09:16:02Z"));
    }

    @Test
    void missingModificationTimeIsAMappingError() {
        ObjectNode payload = ours("order-guest-de.json");
        payload.remove(List.of("date_modified_gmt", "date_modified"));

        assertThatThrownBy(() -> mapping.map(STORE, payload))
                .isInstanceOf(MappingException.class).hasMessageContaining("date_modified_gmt");
    }

    @Test
    void malformedTimeIsAMappingError() {
        assertThatThrownBy(() -> mapping.map(STORE, ours("order-guest-de.json").put("date_modified_gmt", "01/03/2026")))
                .isInstanceOf(MappingException.class).hasMessageContaining("date_modified_gmt");
    }

    @Test
    void priceReadAsBinaryFloatIsRefused() {
        ObjectNode payload = ours("order-guest-de.json");
        ((ObjectNode) payload.get("line_items").get(0)).put("price", 26.955d);

        assertThatThrownBy(() -> mapping.map(STORE, payload))
                .isInstanceOf(MappingException.class).hasMessageContaining("price");
    }

    @Test
    void unknownStatusIsAMappingError() {
        assertThatThrownBy(() -> mapping.map(STORE, ours("order-guest-de.json").put("status", "wc-shipped")))
                .isInstanceOf(MappingException.class).hasMessageContaining("status");
    }

    @Test
    void missingTotalOrCurrencyIsAMappingError() {
        ObjectNode noTotal = ours("order-guest-de.json");
        noTotal.remove("total");

        assertThatThrownBy(() -> mapping.map(STORE, noTotal))
                .isInstanceOf(MappingException.class).hasMessageContaining("total");
        assertThatThrownBy(() -> mapping.map(STORE, ours("order-guest-de.json").put("currency", "EURO")))
                .isInstanceOf(MappingException.class).hasMessageContaining("currency");
    }
}
