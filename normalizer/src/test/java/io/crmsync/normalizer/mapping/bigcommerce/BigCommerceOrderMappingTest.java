package io.crmsync.normalizer.mapping.bigcommerce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmsync.contract.EventType;
import io.crmsync.contract.model.Address;
import io.crmsync.contract.model.Company;
import io.crmsync.contract.model.Consent;
import io.crmsync.contract.model.ConsentStatus;
import io.crmsync.contract.model.Customer;
import io.crmsync.contract.model.Order;
import io.crmsync.contract.model.OrderLine;
import io.crmsync.contract.model.OrderStatus;
import io.crmsync.contract.model.OrderTotals;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.normalizer.mapping.MappingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static io.crmsync.normalizer.mapping.bigcommerce.BigCommercePayloads.STORE;
import static io.crmsync.normalizer.mapping.bigcommerce.BigCommercePayloads.assertValidCanonical;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BigCommerceOrderMappingTest {

    private static final Address MUNICH_BILLING = new Address("Zoë", "Müller-Łukasiewicz", "Bäckerei Ærø GmbH",
            "Hauptstraße 1", "Hinterhaus, 2. OG", "München", "Bayern", "80331", "DE", "+49891234567", "089 1234567");
    private static final Address BERLIN = new Address("Jörg", "Bäcker", null, "Straße des 17. Juni 135", null,
            "Berlin", "Berlin", "10623", "DE", "+493012345678", "030 12345678");

    private final BigCommerceOrderMapping mapping = new BigCommerceOrderMapping(new BigCommerceAddressMapping(),
            new BigCommerceCustomerMapping(new BigCommerceAddressMapping()));

    @Test
    void mapsARegisteredB2bOrderWithTwoShippingAddresses() {
        Order order = mapping.map(STORE, BigCommercePayloads.b2bOrder());

        assertThat(order.source()).isEqualTo(new SourceRef("bigcommerce", STORE, "order", "250"));
        assertThat(order.orderNumber()).isEqualTo("250");
        assertThat(order.status()).isEqualTo(OrderStatus.PAID);
        assertThat(order.sourceStatus()).isEqualTo("Awaiting Shipment");
        // The transactional currency (default_currency_code), not the store's USD; v2 strings keep their scale.
        // discount = discount_amount 2.5000 + coupon_discount 5.0000.
        assertThat(order.totals()).isEqualTo(new OrderTotals("EUR", "75.5463", "7.5000", "4.1176", "13.6600", "85.8239"));
        assertThat(order.lines()).containsExactly(
                new OrderLine("1001", "111", "211", "TEE-OEKO-M-GRN", "Öko-T-Shirt", "Größe: M / Farbe: Grün", 2, "25.1681", "50.3362"),
                // A custom product: product and variant id 0 mean "not from the catalogue"; blank sku is absent.
                new OrderLine("1002", null, null, null, "Geschenkkarton", null, 1, "25.2101", "25.2101"));
        assertThat(order.billingAddresses()).containsExactly(MUNICH_BILLING);
        assertThat(order.shippingAddresses()).containsExactly(
                new Address("Jörg", "Bäcker", null, "Königsallee 2", null, "Düsseldorf", "Nordrhein-Westfalen", "40212", "DE", null, null),
                // country_iso2 "fr" is upper-cased and is the hint for the national number.
                new Address("Hélène", "Dupont", "Pâtisserie Dupont", "12 rue de l'Église", null, "Paris", "Île-de-France", "75004", "FR",
                        "+33142685300", "01 42 68 53 00"));
        assertThat(order.company()).isEqualTo(new Company(null, "Bäckerei Ærø GmbH", null, MUNICH_BILLING));
        assertThat(order.createdAt()).isEqualTo(Instant.parse("2026-03-01T08:15:00Z"));
        assertThat(order.updatedAt()).isEqualTo(Instant.parse("2026-03-01T08:16:02Z"));
        assertThat(order.sourceVersion()).isNull();

        Customer buyer = order.customer();
        assertThat(buyer.source()).isEqualTo(new SourceRef("bigcommerce", STORE, "customer", "42"));
        assertThat(buyer.email()).isEqualTo("zoe@baeckerei-aero.example");
        assertThat(buyer.emailRaw()).isEqualTo("Zoe@Baeckerei-Aero.example");
        assertThat(buyer.phone()).isEqualTo("+49891234567");
        assertThat(buyer.firstName()).isEqualTo("Zoë");
        assertThat(buyer.lastName()).isEqualTo("Müller-Łukasiewicz");
        // The checkout's opt-in box was ticked: an explicit opt-in.
        assertThat(buyer.emailMarketingConsent()).isEqualTo(new Consent(ConsentStatus.GRANTED, "is_email_opt_in=true", null));
        assertThat(buyer.addresses()).isEmpty();
        assertThat(buyer.company().name()).isEqualTo("Bäckerei Ærø GmbH");
        assertThat(buyer.updatedAt()).isEqualTo(order.updatedAt());

        assertValidCanonical(EventType.ORDER_NORMALIZED, order);
    }

    @Test
    void mapsAPartiallyRefundedGuestOrder() {
        Order order = mapping.map(STORE, BigCommercePayloads.guestOrder());

        assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
        assertThat(order.sourceStatus()).isEqualTo("Partially Refunded");
        // Amounts as placed: the 10.00 refunded shows in the status and in the Refund entity.
        assertThat(order.totals()).isEqualTo(new OrderTotals("EUR", "33.6134", "0.0000", "0.0000", "6.3866", "40.0000"));
        assertThat(order.lines()).containsExactly(
                new OrderLine("1101", "112", "220", "MUG-KOELN", "Kaffeebecher „Grüße aus Köln“", null, 2, "16.8067", "33.6134"));
        assertThat(order.billingAddresses()).containsExactly(BERLIN);
        assertThat(order.shippingAddresses()).containsExactly(BERLIN);
        // A blank billing company is no company.
        assertThat(order.company()).isNull();

        Customer guest = order.customer();
        assertThat(guest.source()).isEqualTo(new SourceRef("bigcommerce", STORE, "customer", null));
        assertThat(guest.email()).isEqualTo("jörg.bäcker@example.com");
        assertThat(guest.emailRaw()).isEqualTo("  Jörg.Bäcker@Example.COM ");
        // National number, read with the billing country as hint.
        assertThat(guest.phone()).isEqualTo("+493012345678");
        assertThat(guest.phoneRaw()).isEqualTo("030 12345678");
        // An unticked box is no refusal.
        assertThat(guest.emailMarketingConsent()).isEqualTo(new Consent(ConsentStatus.UNKNOWN, "is_email_opt_in=false", null));
        assertThat(guest.company()).isNull();

        assertValidCanonical(EventType.ORDER_NORMALIZED, order);
    }

    @Test
    void archivedOrderIsClosedUnlessItsMoneyStateSaysOtherwise() {
        assertThat(mapping.map(STORE, BigCommercePayloads.b2bOrder().put("is_deleted", true)).status()).isEqualTo(OrderStatus.CLOSED);
        assertThat(mapping.map(STORE, BigCommercePayloads.guestOrder().put("is_deleted", true)).status())
                .isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
    }

    @Test
    void relabelledStatusIsReadByItsId() {
        Order order = mapping.map(STORE, BigCommercePayloads.b2bOrder().put("status_id", 2).put("status", "Versendet"));

        assertThat(order.status()).isEqualTo(OrderStatus.FULFILLED);
        assertThat(order.sourceStatus()).isEqualTo("Versendet");
    }

    @Test
    void unknownStatusIdIsAMappingError() {
        assertThatThrownBy(() -> mapping.map(STORE, BigCommercePayloads.b2bOrder().put("status_id", 15)))
                .isInstanceOf(MappingException.class).hasMessageContaining("status_id");
    }

    @Test
    void missingStatusIdIsAMappingError() {
        ObjectNode payload = BigCommercePayloads.b2bOrder();
        payload.remove("status_id");

        assertThatThrownBy(() -> mapping.map(STORE, payload)).isInstanceOf(MappingException.class).hasMessageContaining("status_id");
    }

    @Test
    void displayCurrencyIsReadOnlyWithoutTheTransactionalOne() {
        ObjectNode payload = BigCommercePayloads.b2bOrder().put("currency_code", "GBP");
        assertThat(mapping.map(STORE, payload).totals().currency()).isEqualTo("EUR");

        payload.remove("default_currency_code");
        assertThat(mapping.map(STORE, payload).totals().currency()).isEqualTo("GBP");
    }

    @Test
    void orderWithoutAnyCurrencyIsAMappingError() {
        ObjectNode payload = BigCommercePayloads.b2bOrder();
        payload.remove(List.of("default_currency_code", "currency_code"));

        assertThatThrownBy(() -> mapping.map(STORE, payload)).isInstanceOf(MappingException.class).hasMessageContaining("currency");
    }

    @Test
    void discountIsWhicheverOfTheTwoAmountsIsStated() {
        ObjectNode payload = BigCommercePayloads.b2bOrder();
        payload.remove("discount_amount");
        assertThat(mapping.map(STORE, payload).totals().discount()).isEqualTo("5.0000");

        payload.remove("coupon_discount");
        assertThat(mapping.map(STORE, payload).totals().discount()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"products", "shipping_addresses"})
    void subResourceReferenceMeansFetchBackDidNotInline(String field) {
        ObjectNode payload = BigCommercePayloads.b2bOrder();
        payload.putObject(field).put("url", "https://api.bigcommerce.com/stores/abc/v2/orders/250/" + field)
                .put("resource", "/orders/250/" + field);

        assertThatThrownBy(() -> mapping.map(STORE, payload)).isInstanceOf(MappingException.class).hasMessageContaining(field);
    }

    @Test
    void digitalOrderHasNoShippingAddress() {
        ObjectNode payload = BigCommercePayloads.b2bOrder();
        payload.putArray("shipping_addresses");

        Order order = mapping.map(STORE, payload);

        assertThat(order.shippingAddresses()).isEmpty();
        assertValidCanonical(EventType.ORDER_NORMALIZED, order);
    }

    @Test
    void guestOrderThatNamesNobodyHasNoCustomer() {
        ObjectNode payload = BigCommercePayloads.guestOrder();
        ((ObjectNode) payload.get("billing_address")).remove(List.of("email", "phone"));

        Order order = mapping.map(STORE, payload);

        assertThat(order.customer()).isNull();
        assertValidCanonical(EventType.ORDER_NORMALIZED, order);
    }

    @Test
    void unparseablePhoneKeepsOnlyTheRawText() {
        ObjectNode payload = BigCommercePayloads.guestOrder();
        ((ObjectNode) payload.get("billing_address")).put("phone", "nach 18 Uhr");

        Order order = mapping.map(STORE, payload);

        assertThat(order.customer().phone()).isNull();
        assertThat(order.customer().phoneRaw()).isEqualTo("nach 18 Uhr");
        assertThat(order.billingAddresses().get(0).phone()).isNull();
        assertValidCanonical(EventType.ORDER_NORMALIZED, order);
    }

    @Test
    void numericAmountsStayExactDecimals() {
        ObjectNode payload = BigCommercePayloads.guestOrder().put("total_inc_tax", new BigDecimal("40.0000"));

        assertThat(mapping.map(STORE, payload).totals().total()).isEqualTo("40.0000");
    }

    @Test
    void amountReadAsBinaryFloatIsRefused() {
        ObjectNode payload = BigCommercePayloads.guestOrder().put("total_inc_tax", 40.0d);

        assertThatThrownBy(() -> mapping.map(STORE, payload)).isInstanceOf(MappingException.class).hasMessageContaining("total_inc_tax");
    }

    @Test
    void missingDateModifiedIsAMappingError() {
        ObjectNode payload = BigCommercePayloads.b2bOrder();
        payload.remove("date_modified");

        assertThatThrownBy(() -> mapping.map(STORE, payload)).isInstanceOf(MappingException.class).hasMessageContaining("date_modified");
    }

    @Test
    void isoDateWhereRfc2822IsExpectedIsAMappingError() {
        ObjectNode payload = BigCommercePayloads.b2bOrder().put("date_modified", "2026-03-01T08:16:02Z");

        assertThatThrownBy(() -> mapping.map(STORE, payload)).isInstanceOf(MappingException.class)
                .hasMessageContaining("date_modified").hasMessageContaining("RFC 2822");
    }
}
