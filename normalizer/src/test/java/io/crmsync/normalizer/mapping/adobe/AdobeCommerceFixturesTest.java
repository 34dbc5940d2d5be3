package io.crmsync.normalizer.mapping.adobe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmsync.contract.EventCodec;
import io.crmsync.contract.EventType;
import io.crmsync.contract.model.Invoice;
import io.crmsync.contract.model.OrderLine;
import io.crmsync.contract.model.OrderTotals;
import io.crmsync.contract.model.Product;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.normalizer.mapping.Normalized;
import io.crmsync.testkit.SharedFixtures;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The real Adobe Commerce payloads of Adobe's own documentation, in {@code shared/fixtures/magento}. */
class AdobeCommerceFixturesTest {

    private static final EventCodec CODEC = new EventCodec();

    private final AdobeCommerceMapper mapper = new AdobeCommerceMapper();

    @Test
    void mapsTheRealProductSaveEnvelope() {
        ObjectNode envelope = (ObjectNode) SharedFixtures.json("magento/adobe_io_event_catalog_product_save_commit_after.json");

        Normalized<?> normalized = mapper.map(AdobePayloads.received(envelope, "product"));

        assertThat(normalized.type()).isEqualTo(EventType.PRODUCT_NORMALIZED);
        Product product = (Product) normalized.data();
        // The subscription sent no entity_id: the SKU is the product's source identity.
        assertThat(product.source()).isEqualTo(new SourceRef("adobe-commerce", AdobePayloads.STORE, "product", "eventtest1"));
        assertThat(product.title()).isEqualTo("eventtest r");
        assertThat(product.sku()).isEqualTo("eventtest1");
        assertThat(product.price()).isEqualTo("32444.000000");
        assertThat(product.currency()).isNull();
        assertThat(product.status()).isNull();
        assertThat(product.variants()).isEmpty();
        assertThat(product.createdAt()).isEqualTo(Instant.parse("2025-06-20T15:32:20Z"));
        assertThat(product.updatedAt()).isEqualTo(Instant.parse("2025-07-17T15:48:41Z"));
        assertThat(product.sourceVersion()).isNull();
        assertThat(normalized.kafkaKey("acme")).isEqualTo("acme/product/eventtest1");

        assertThat(CODEC.decode(EventType.PRODUCT_NORMALIZED, CODEC.encode(EventType.PRODUCT_NORMALIZED, product)))
                .isEqualTo(product);
    }

    @Test
    void mapsTheRealInvoiceSaveEvent() {
        JsonNode value = SharedFixtures.json("magento/adobe_io_event_observer.sales_order_invoice_save_after__excerpt.json")
                .path("event").path("data").path("value");
        ObjectNode envelope = AdobePayloads.envelope("com.adobe.commerce.observer.sales_order_invoice_save_after", value);

        // webhook-ingress keys an invoice with its order.
        Normalized<?> normalized = mapper.map(AdobePayloads.received(envelope, "order"));

        assertThat(normalized.type()).isEqualTo(EventType.INVOICE_NORMALIZED);
        Invoice invoice = (Invoice) normalized.data();
        assertThat(invoice.source()).isEqualTo(new SourceRef("adobe-commerce", AdobePayloads.STORE, "invoice", "13"));
        assertThat(invoice.orderId()).isEqualTo("8");
        assertThat(invoice.invoiceNumber()).isEqualTo("000000013");
        assertThat(invoice.status()).isEqualTo(Invoice.Status.PAID);
        // The payload has no shipping_amount: absent, not zero.
        assertThat(invoice.totals()).isEqualTo(new OrderTotals("USD", "1100", "0", null, "0", "1100"));
        assertThat(invoice.lines()).containsExactly(
                new OrderLine("8", "22", null, "simple-product-2", "Simple Product 2", null, 3, "200", "600"),
                new OrderLine("9", "21", null, "simple-product-1", "Simple Product 1", null, 5, "100", "500"));
        assertThat(invoice.createdAt()).isEqualTo(Instant.parse("2023-04-06T18:36:18Z"));
        assertThat(invoice.updatedAt()).isEqualTo(Instant.parse("2023-04-06T18:36:18Z"));
        assertThat(invoice.sourceVersion()).isNull();
        assertThat(normalized.kafkaKey("acme")).isEqualTo("acme/invoice/13");

        assertThat(CODEC.decode(EventType.INVOICE_NORMALIZED, CODEC.encode(EventType.INVOICE_NORMALIZED, invoice)))
                .isEqualTo(invoice);
    }
}
