package io.crmsync.normalizer.mapping.adobe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmsync.contract.EventCodec;
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

import static io.crmsync.normalizer.mapping.adobe.AdobePayloads.STORE;
import static io.crmsync.normalizer.mapping.adobe.AdobePayloads.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdobeCommerceOrderMappingTest {

    private static final EventCodec CODEC = new EventCodec();
    private static final Address BILLING = new Address("Zoë", "Müller-Łukasiewicz", "Bäckerei Ærø GmbH",
            "Hauptstraße 1", "Hinterhaus, 2. OG", "München", "Bayern", "80331", "DE", "+49891234567", "089 1234567");

    private final AdobeAddressMapping addresses = new AdobeAddressMapping();
    private final AdobeOrderMapping mapping = new AdobeOrderMapping(addresses,
            new AdobeCustomerMapping(addresses, new AdobeConsentMapping()));

    @Test
    void mapsAGuestB2BOrderWithAddressesConfigurableItemAndDiacritics() {
        Order order = map(AdobePayloads.order());

        assertThat(order.source()).isEqualTo(new SourceRef("adobe-commerce", STORE, "order", "42"));
        assertThat(order.orderNumber()).isEqualTo("000000042");
        // processing, nothing shipped, total_paid = grand_total: row 8.
        assertThat(order.status()).isEqualTo(OrderStatus.PAID);
        assertThat(order.sourceStatus()).isEqualTo("processing/processing");
        // Commerce's negative discount becomes a positive amount; scales as Commerce writes them.
        assertThat(order.totals()).isEqualTo(new OrderTotals("EUR", "139.8000", "10.0000", "5.0000", "24.6600", "159.4600"));
        // The configurable's child (parent_item_id 101) is no line of its own; it names the variant.
        assertThat(order.lines()).containsExactly(
                new OrderLine("101", "2001", "2101", "TEE-OEKO-M-GRUEN", "Öko-T-Shirt", null, 2, "49.9000", "89.8000"),
                new OrderLine("103", "2200", null, "GESCHENKKARTON", "Geschenkkarton", null, 1, "40.0000", "40.0000"));
        assertThat(order.billingAddresses()).containsExactly(BILLING);
        // Street as an array with a blank second line; lower-case country upper-cased; no phone.
        assertThat(order.shippingAddresses()).containsExactly(new Address("Jörg", "Bäcker", null, "Königsallee 2", null,
                "Düsseldorf", "Nordrhein-Westfalen", "40212", "DE", null, null));
        assertThat(order.company()).isEqualTo(new Company(null, "Bäckerei Ærø GmbH", "DE123456789", BILLING));
        assertThat(order.createdAt()).isEqualTo(Instant.parse("2026-03-01T09:15:30Z"));
        assertThat(order.updatedAt()).isEqualTo(Instant.parse("2026-03-01T09:16:02Z"));
        assertThat(order.sourceVersion()).isNull();

        Customer guest = order.customer();
        assertThat(guest.source()).isEqualTo(new SourceRef("adobe-commerce", STORE, "customer", null));
        assertThat(guest.email()).isEqualTo("zoë.müller@example.com");
        assertThat(guest.emailRaw()).isEqualTo("  Zoë.Müller@Example.COM ");
        // The billing telephone in national format, read in the billing country.
        assertThat(guest.phone()).isEqualTo("+49891234567");
        assertThat(guest.phoneRaw()).isEqualTo("089 1234567");
        assertThat(guest.firstName()).isEqualTo("Zoë");
        assertThat(guest.lastName()).isEqualTo("Müller-Łukasiewicz");
        assertThat(guest.emailMarketingConsent()).isEqualTo(Consent.unknown());
        assertThat(guest.addresses()).isEmpty();
        assertThat(guest.updatedAt()).isEqualTo(order.updatedAt());

        byte[] json = CODEC.encode(EventType.ORDER_NORMALIZED, order);
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"lastName\":\"Müller-Łukasiewicz\"", "\"city\":\"Düsseldorf\"");
        assertThat(CODEC.decode(EventType.ORDER_NORMALIZED, json)).isEqualTo(order);
    }

    @Test
    void registeredBuyerKeepsItsIdAndFallsBackToBillingNames() {
        ObjectNode envelope = AdobePayloads.order();
        value(envelope).put("customer_id", "77").put("customer_is_guest", "0")
                .putNull("customer_firstname").putNull("customer_lastname").putNull("customer_email");

        Customer buyer = map(envelope).customer();

        assertThat(buyer.source()).isEqualTo(new SourceRef("adobe-commerce", STORE, "customer", "77"));
        assertThat(buyer.firstName()).isEqualTo("Zoë");
        // The billing address's e-mail is the same buyer's.
        assertThat(buyer.email()).isEqualTo("zoë.müller@example.com");
    }

    @Test
    void partiallyShippedProcessingOrderIsPartiallyFulfilled() {
        ObjectNode envelope = AdobePayloads.order();
        ((ObjectNode) value(envelope).get("items").get(0)).put("qty_shipped", "2.0000");
        // A child's own qty_shipped does not count: its parent line does.
        ((ObjectNode) value(envelope).get("items").get(1)).put("qty_shipped", "2.0000");

        Order order = map(envelope);

        assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_FULFILLED);
        assertThat(CODEC.encode(EventType.ORDER_NORMALIZED, order)).isNotEmpty();
    }

    @Test
    void fullyShippedButStillProcessingOrderIsPaid() {
        ObjectNode envelope = AdobePayloads.order();
        ((ObjectNode) value(envelope).get("items").get(0)).put("qty_shipped", "2.0000");
        ((ObjectNode) value(envelope).get("items").get(2)).put("qty_shipped", "1.0000");

        assertThat(map(envelope).status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void authorizedNotCapturedProcessingOrderIsOpen() {
        ObjectNode envelope = AdobePayloads.order();
        value(envelope).put("total_paid", "0.0000");

        assertThat(map(envelope).status()).isEqualTo(OrderStatus.OPEN);
    }

    @Test
    void partiallyRefundedCompleteOrderIsPartiallyRefunded() {
        ObjectNode envelope = AdobePayloads.order();
        value(envelope).put("state", "complete").put("status", "complete").put("total_refunded", "52.9100");

        Order order = map(envelope);

        assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
        assertThat(order.sourceStatus()).isEqualTo("complete/complete");
    }

    @Test
    void customStatusLabelKeepsTheStateRow() {
        ObjectNode envelope = AdobePayloads.order();
        value(envelope).put("state", "payment_review").put("status", "fraud");

        Order order = map(envelope);

        assertThat(order.status()).isEqualTo(OrderStatus.OPEN);
        assertThat(order.sourceStatus()).isEqualTo("payment_review/fraud");
    }

    @Test
    void missingUpdatedAtFallsBackToTheEnvelopeTime() {
        ObjectNode envelope = AdobePayloads.order();
        value(envelope).remove("updated_at");

        assertThat(map(envelope).updatedAt()).isEqualTo(Instant.parse("2026-03-01T09:16:03.120Z"));
    }

    @Test
    void orderThatNamesNobodyHasNoCustomer() {
        ObjectNode envelope = AdobePayloads.order();
        value(envelope).putNull("customer_email").remove("addresses");

        Order order = map(envelope);

        assertThat(order.customer()).isNull();
        assertThat(order.billingAddresses()).isEmpty();
        assertThat(order.company()).isNull();
        assertThat(CODEC.encode(EventType.ORDER_NORMALIZED, order)).isNotEmpty();
    }

    @Test
    void fractionalQuantityIsAMappingError() {
        ObjectNode envelope = AdobePayloads.order();
        ((ObjectNode) value(envelope).get("items").get(2)).put("qty_ordered", "1.5000");

        assertThatThrownBy(() -> map(envelope)).isInstanceOf(MappingException.class).hasMessageContaining("qty_ordered");
    }

    @Test
    void missingItemsIsAMappingError() {
        ObjectNode envelope = AdobePayloads.order();
        value(envelope).remove("items");

        assertThatThrownBy(() -> map(envelope)).isInstanceOf(MappingException.class).hasMessageContaining("items");
    }

    @Test
    void unknownStateIsAMappingError() {
        ObjectNode envelope = AdobePayloads.order();
        value(envelope).put("state", "shipped_by_erp");

        assertThatThrownBy(() -> map(envelope)).isInstanceOf(MappingException.class).hasMessageContaining("state");
    }

    @Test
    void unknownCurrencyIsAMappingError() {
        ObjectNode envelope = AdobePayloads.order();
        value(envelope).put("order_currency_code", "EURO");

        assertThatThrownBy(() -> map(envelope)).isInstanceOf(MappingException.class).hasMessageContaining("order_currency_code");
    }

    @Test
    void timestampOutsideMagentosFormatIsAMappingError() {
        ObjectNode envelope = AdobePayloads.order();
        value(envelope).put("updated_at", "01.03.2026 09:16");

        assertThatThrownBy(() -> map(envelope)).isInstanceOf(MappingException.class).hasMessageContaining("updated_at");
    }

    private Order map(ObjectNode envelope) {
        return mapping.map(STORE, AdobePayloads.event(envelope));
    }
}
