package io.crmsync.normalizer.mapping.woocommerce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmsync.contract.EventType;
import io.crmsync.contract.model.Refund;
import io.crmsync.contract.model.RefundLine;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.normalizer.mapping.MappingException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.crmsync.normalizer.mapping.woocommerce.WooCommercePayloads.STORE;
import static io.crmsync.normalizer.mapping.woocommerce.WooCommercePayloads.assertValidAndRoundTrips;
import static io.crmsync.normalizer.mapping.woocommerce.WooCommercePayloads.fixture;
import static io.crmsync.normalizer.mapping.woocommerce.WooCommercePayloads.ours;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WooCommerceRefundMappingTest {

    private final WooCommerceRefundMapping mapping = new WooCommerceRefundMapping();

    @Test
    void mapsTheRealRetrievedRefund() {
        Refund refund = mapping.map(STORE, fixture("refund_retrieve_v3.json"));

        Instant created = Instant.parse("2017-03-21T20:07:11Z");
        // order id from _links.up[0].href (…/orders/723); no currency stated; reason "" = absent
        assertThat(refund).isEqualTo(new Refund(new SourceRef("woocommerce", STORE, "refund", "726"),
                "723", "10.00", null, null, List.of(), created, created, null));
        assertValidAndRoundTrips(EventType.REFUND_NORMALIZED, refund);
    }

    @Test
    void refundLinesArePositiveAndPointAtTheRefundedOrderLine() {
        Refund refund = mapping.map(STORE, ours("refund-with-lines.json"));

        assertThat(refund.orderId()).isEqualTo("5003");
        assertThat(refund.amount()).isEqualTo("20.00");
        assertThat(refund.reason()).isEqualTo("Arrived chipped");
        // quantity -1 and total "-20.00" as WooCommerce writes them; 9301 is the order's line, 9311 the refund's own
        assertThat(refund.lines()).containsExactly(new RefundLine("9301", 1, "20.00"));
        assertThat(refund.updatedAt()).isEqualTo(refund.createdAt()).isEqualTo(Instant.parse("2026-03-05T16:30:00Z"));
        assertValidAndRoundTrips(EventType.REFUND_NORMALIZED, refund);
    }

    @Test
    void lineWithoutRefundedItemMetaHasNoOrderLineId() {
        ObjectNode payload = ours("refund-with-lines.json");
        ((ObjectNode) payload.get("line_items").get(0)).putArray("meta_data");

        assertThat(mapping.map(STORE, payload).lines()).containsExactly(new RefundLine(null, 1, "20.00"));
    }

    @Test
    void orderIdFallsBackToATopLevelOrderId() {
        ObjectNode payload = ours("refund-with-lines.json").put("order_id", 5003);
        payload.remove("_links");

        assertThat(mapping.map(STORE, payload).orderId()).isEqualTo("5003");
    }

    @Test
    void refundWithoutOrderIsAMappingError() {
        ObjectNode payload = ours("refund-with-lines.json");
        ((ObjectNode) payload.get("_links")).remove("up");

        assertThatThrownBy(() -> mapping.map(STORE, payload))
                .isInstanceOf(MappingException.class).hasMessageContaining("order id");
    }

    @Test
    void missingAmountOrCreationTimeIsAMappingError() {
        ObjectNode noAmount = ours("refund-with-lines.json");
        noAmount.remove("amount");
        ObjectNode noTime = ours("refund-with-lines.json");
        noTime.remove(List.of("date_created_gmt", "date_created"));

        assertThatThrownBy(() -> mapping.map(STORE, noAmount))
                .isInstanceOf(MappingException.class).hasMessageContaining("amount");
        assertThatThrownBy(() -> mapping.map(STORE, noTime))
                .isInstanceOf(MappingException.class).hasMessageContaining("date_created");
    }
}
