package io.crmsync.normalizer.mapping.adobe;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmsync.contract.EventCodec;
import io.crmsync.contract.EventType;
import io.crmsync.contract.model.Fulfillment;
import io.crmsync.contract.model.FulfillmentLine;
import io.crmsync.contract.model.FulfillmentStatus;
import io.crmsync.contract.model.Invoice;
import io.crmsync.contract.model.OrderLine;
import io.crmsync.contract.model.Refund;
import io.crmsync.contract.model.RefundLine;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.normalizer.mapping.MappingException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.crmsync.normalizer.mapping.adobe.AdobePayloads.STORE;
import static io.crmsync.normalizer.mapping.adobe.AdobePayloads.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Credit memos, shipments and invoices: the documents Commerce keeps beside an order. */
class AdobeCommerceDocumentMappingTest {

    private static final EventCodec CODEC = new EventCodec();

    @Test
    void mapsACreditMemoAsARefund() {
        Refund refund = new AdobeRefundMapping().map(STORE, AdobePayloads.event(AdobePayloads.creditMemo()));

        assertThat(refund.source()).isEqualTo(new SourceRef("adobe-commerce", STORE, "refund", "9"));
        assertThat(refund.orderId()).isEqualTo("42");
        assertThat(refund.amount()).isEqualTo("52.9100");
        assertThat(refund.currency()).isEqualTo("EUR");
        assertThat(refund.reason()).isNull();
        // parent_id is the credit memo's own id, not a parent item: both lines stay.
        assertThat(refund.lines()).containsExactly(new RefundLine("101", 1, "49.9000"), new RefundLine("103", 0, "0.0000"));
        assertThat(refund.createdAt()).isEqualTo(Instant.parse("2026-03-05T10:00:00Z"));
        assertThat(refund.updatedAt()).isEqualTo(Instant.parse("2026-03-05T10:00:00Z"));

        assertThat(CODEC.decode(EventType.REFUND_NORMALIZED, CODEC.encode(EventType.REFUND_NORMALIZED, refund))).isEqualTo(refund);
    }

    @Test
    void creditMemoWithoutOrderIsAMappingError() {
        ObjectNode envelope = AdobePayloads.creditMemo();
        value(envelope).remove("order_id");

        assertThatThrownBy(() -> new AdobeRefundMapping().map(STORE, AdobePayloads.event(envelope)))
                .isInstanceOf(MappingException.class).hasMessageContaining("order_id");
    }

    @Test
    void mapsAShipmentWithTracksAsAFulfillment() {
        Fulfillment fulfillment = new AdobeFulfillmentMapping().map(STORE, AdobePayloads.event(AdobePayloads.shipment()));

        assertThat(fulfillment.source()).isEqualTo(new SourceRef("adobe-commerce", STORE, "fulfillment", "15"));
        assertThat(fulfillment.orderId()).isEqualTo("42");
        assertThat(fulfillment.status()).isEqualTo(FulfillmentStatus.FULFILLED);
        assertThat(fulfillment.sourceStatus()).isNull();
        assertThat(fulfillment.trackingCompany()).isEqualTo("DHL Paket");
        assertThat(fulfillment.trackingNumbers()).containsExactly("00340434161094042557", "00340434161094042558");
        assertThat(fulfillment.trackingUrls()).isEmpty();
        assertThat(fulfillment.lines()).containsExactly(new FulfillmentLine("101", "TEE-OEKO-M-GRUEN", 1),
                new FulfillmentLine("103", "GESCHENKKARTON", 1));
        assertThat(fulfillment.createdAt()).isEqualTo(Instant.parse("2026-03-02T14:20:04Z"));
        // No updated_at on a shipment payload: the envelope's time.
        assertThat(fulfillment.updatedAt()).isEqualTo(Instant.parse("2026-03-02T14:20:05.250Z"));

        assertThat(CODEC.decode(EventType.FULFILLMENT_NORMALIZED, CODEC.encode(EventType.FULFILLMENT_NORMALIZED, fulfillment)))
                .isEqualTo(fulfillment);
    }

    @Test
    void trackWithoutTitleNamesItsCarrierCode() {
        ObjectNode envelope = AdobePayloads.shipment();
        ((ObjectNode) value(envelope).get("tracks").get(0)).putNull("title");

        assertThat(new AdobeFulfillmentMapping().map(STORE, AdobePayloads.event(envelope)).trackingCompany()).isEqualTo("dhl");
    }

    @Test
    void invoiceOfASavedInvoiceKeepsItsLinesAndSkipsChildItems() {
        ObjectNode invoice = invoiceValue();
        // Saved invoice items point at their invoice through parent_id; a child order item through parent_item_id.
        ((ObjectNode) invoice.get("items").get(0)).put("parent_id", "13");
        ((ObjectNode) invoice.get("items").get(1)).put("parent_item_id", "8");

        Invoice mapped = mapInvoice(invoice);

        assertThat(mapped.lines()).extracting(OrderLine::sourceLineId).containsExactly("8");
        assertThat(CODEC.encode(EventType.INVOICE_NORMALIZED, mapped)).isNotEmpty();
    }

    @Test
    void invoiceStatesOpenAndCancelled() {
        assertThat(mapInvoice(invoiceValue().put("state", "1")).status()).isEqualTo(Invoice.Status.OPEN);
        assertThat(mapInvoice(invoiceValue().put("state", 3)).status()).isEqualTo(Invoice.Status.CANCELLED);
        assertThatThrownBy(() -> mapInvoice(invoiceValue().put("state", 4)))
                .isInstanceOf(MappingException.class).hasMessageContaining("invoice state");
    }

    @Test
    void invoiceDiscountIsPositiveAndFractionalQuantityRefused() {
        Invoice mapped = mapInvoice(invoiceValue().put("discount_amount", "-15.5000"));
        assertThat(mapped.totals().discount()).isEqualTo("15.5000");

        ObjectNode fractional = invoiceValue();
        ((ObjectNode) fractional.get("items").get(0)).put("qty", "2.500000");
        assertThatThrownBy(() -> mapInvoice(fractional)).isInstanceOf(MappingException.class).hasMessageContaining("qty");
    }

    /** A two-line invoice in the documented shape (not the shared fixture, which tests use as-is). */
    private static ObjectNode invoiceValue() {
        ObjectNode invoice = JsonNodeFactory.instance.objectNode()
                .put("entity_id", "13").put("order_id", "42").put("increment_id", "000000013").put("state", 2)
                .put("order_currency_code", "EUR").put("subtotal", "89.8000").put("grand_total", "89.8000")
                .put("created_at", "2026-03-01 09:20:00").put("updated_at", "2026-03-01 09:20:00");
        for (var line : List.of(List.of("8", "2001", "TEE-OEKO-M-GRUEN"), List.of("9", "2101", "TEE-OEKO-M-GRUEN"))) {
            invoice.withArray("items").addObject().put("order_item_id", line.get(0)).put("product_id", line.get(1))
                    .put("sku", line.get(2)).put("name", "Öko-T-Shirt").put("qty", "2.000000")
                    .put("price", "49.9000").put("row_total", "99.8000");
        }
        return invoice;
    }

    private static Invoice mapInvoice(ObjectNode invoice) {
        ObjectNode envelope = AdobePayloads.envelope("com.adobe.commerce.observer.sales_order_invoice_save_after", invoice);
        return new AdobeInvoiceMapping().map(STORE, AdobePayloads.event(envelope));
    }
}
