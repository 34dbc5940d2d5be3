package io.crmsync.normalizer.mapping.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.contract.EventCodec;
import io.crmsync.contract.EventType;
import io.crmsync.contract.model.Refund;
import io.crmsync.contract.model.RefundLine;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.normalizer.mapping.MappingException;
import io.crmsync.testkit.SharedFixtures;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShopifyRefundMappingTest {

    private static final EventCodec CODEC = new EventCodec();
    private final ShopifyRefundMapping mapping = new ShopifyRefundMapping();

    @Test
    void mapsTheRealShopifyRefund() {
        JsonNode payload = SharedFixtures.resources("shopify/rest_2024-04_refund_find__test_4.json", "refund").get(0);

        Refund refund = mapping.map("acme-shopify", payload);

        assertThat(refund.source()).isEqualTo(new SourceRef("shopify", "acme-shopify", "refund", "509562969"));
        assertThat(refund.orderId()).isEqualTo("450789469");
        // The money the gateway gave back: the one successful refund transaction.
        assertThat(refund.amount()).isEqualTo("209.00");
        assertThat(refund.currency()).isEqualTo("USD");
        assertThat(refund.reason()).isEqualTo("it broke during shipping");
        assertThat(refund.lines()).containsExactly(new RefundLine("703073504", 1, "195.66"),
                new RefundLine("466157049", 1, "195.67"));
        assertThat(refund.createdAt()).isEqualTo(Instant.parse("2024-04-02T13:59:11Z"));
        assertThat(refund.updatedAt()).isEqualTo(Instant.parse("2024-04-02T13:59:11Z"));
        assertThat(CODEC.decode(EventType.REFUND_NORMALIZED, CODEC.encode(EventType.REFUND_NORMALIZED, refund)))
                .isEqualTo(refund);
    }

    @Test
    void aRestockOnlyRefundGivesNothingBackAndFailedTransactionsDoNotCount() {
        Refund refund = mapping.map("acme-shopify", json("""
                {"id": 7, "order_id": 8, "created_at": "2026-02-01T10:00:00+01:00", "note": "",
                 "refund_line_items": [{"line_item_id": 9, "quantity": 2, "subtotal": 0}],
                 "transactions": [{"kind": "refund", "status": "failure", "amount": "10.00", "currency": "EUR"}]}"""));

        assertThat(refund.amount()).isEqualTo("0");
        assertThat(refund.currency()).isNull();
        assertThat(refund.reason()).isNull();
        assertThat(refund.lines()).containsExactly(new RefundLine("9", 2, "0"));
        assertThat(refund.updatedAt()).isEqualTo(Instant.parse("2026-02-01T09:00:00Z"));
        CODEC.encode(EventType.REFUND_NORMALIZED, refund);
    }

    @Test
    void refundsInTwoCurrenciesAndMissingOrderIdsAreRefused() {
        assertThatThrownBy(() -> mapping.map("acme-shopify", json("""
                {"id": 7, "order_id": 8, "created_at": "2026-02-01T10:00:00Z", "transactions": [
                  {"kind": "refund", "status": "success", "amount": "1.00", "currency": "EUR"},
                  {"kind": "refund", "status": "success", "amount": "1.00", "currency": "USD"}]}""")))
                .isInstanceOf(MappingException.class).hasMessageContaining("currency");
        assertThatThrownBy(() -> mapping.map("acme-shopify", json("""
                {"id": 7, "created_at": "2026-02-01T10:00:00Z"}""")))
                .isInstanceOf(MappingException.class).hasMessageContaining("order_id");
    }

    private static JsonNode json(String text) {
        return EventCodec.parse(text.getBytes(UTF_8));
    }
}
