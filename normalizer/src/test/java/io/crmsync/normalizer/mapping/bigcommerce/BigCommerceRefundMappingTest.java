package io.crmsync.normalizer.mapping.bigcommerce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmsync.contract.EventType;
import io.crmsync.contract.model.Refund;
import io.crmsync.contract.model.RefundLine;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.normalizer.mapping.MappingException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static io.crmsync.normalizer.mapping.bigcommerce.BigCommercePayloads.STORE;
import static io.crmsync.normalizer.mapping.bigcommerce.BigCommercePayloads.assertValidCanonical;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BigCommerceRefundMappingTest {

    private final BigCommerceRefundMapping mapping = new BigCommerceRefundMapping();

    @Test
    void mapsAV3Refund() {
        Refund refund = mapping.map(STORE, BigCommercePayloads.refund());

        assertThat(refund.source()).isEqualTo(new SourceRef("bigcommerce", STORE, "refund", "9"));
        assertThat(refund.orderId()).isEqualTo("251");
        assertThat(refund.amount()).isEqualTo("10.00");
        // The payload states no currency: it is the order's.
        assertThat(refund.currency()).isNull();
        assertThat(refund.reason()).isEqualTo("Ein Becher kam zerbrochen an");
        // The SHIPPING item names an order address, not a line: its money is in the total only.
        assertThat(refund.lines()).containsExactly(new RefundLine("1101", 1, null));
        assertThat(refund.createdAt()).isEqualTo(Instant.parse("2026-03-05T14:20:00Z"));
        assertThat(refund.updatedAt()).isEqualTo(refund.createdAt());
        assertThat(refund.sourceVersion()).isNull();

        assertValidCanonical(EventType.REFUND_NORMALIZED, refund);
    }

    @Test
    void amountBoundProductItemKeepsItsAmount() {
        ObjectNode payload = BigCommercePayloads.refund();
        payload.putArray("items").addObject().put("item_type", "PRODUCT").put("item_id", 1101).put("requested_amount", "4.50");

        Refund refund = mapping.map(STORE, payload);

        assertThat(refund.lines()).containsExactly(new RefundLine("1101", 0, "4.50"));
        assertValidCanonical(EventType.REFUND_NORMALIZED, refund);
    }

    @Test
    void totalAmountAsTextKeepsItsScale() {
        Refund refund = mapping.map(STORE, BigCommercePayloads.refund().put("total_amount", "10.0000"));

        assertThat(refund.amount()).isEqualTo("10.0000");
    }

    @Test
    void numericTotalIsExact() {
        Refund refund = mapping.map(STORE, BigCommercePayloads.refund().put("total_amount", new BigDecimal("0.10")));

        assertThat(refund.amount()).isEqualTo("0.10");
    }

    @Test
    void missingTotalOrCreatedIsAMappingError() {
        ObjectNode withoutTotal = BigCommercePayloads.refund();
        withoutTotal.remove("total_amount");
        ObjectNode withoutCreated = BigCommercePayloads.refund();
        withoutCreated.remove("created");

        assertThatThrownBy(() -> mapping.map(STORE, withoutTotal)).isInstanceOf(MappingException.class).hasMessageContaining("total_amount");
        assertThatThrownBy(() -> mapping.map(STORE, withoutCreated)).isInstanceOf(MappingException.class).hasMessageContaining("created");
    }
}
