package io.crmsync.normalizer.mapping.shopify;

import io.crmsync.contract.model.OrderStatus;
import io.crmsync.normalizer.mapping.MappingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every row of the status table in the README, and the precedence between rows. */
class ShopifyOrderStatusTest {

    @ParameterizedTest(name = "{0} / {1} / cancelled={2} / closed={3} -> {4}")
    @CsvSource(nullValues = "null", value = {
            // row 1: cancelled_at wins over everything
            "paid,               fulfilled,   true,  true,  CANCELLED",
            "refunded,           null,        true,  false, CANCELLED",
            // row 2
            "refunded,           fulfilled,   false, true,  REFUNDED",
            // rows 3, 4
            "voided,             null,        false, false, CANCELLED",
            "paid,               restocked,   false, false, CANCELLED",
            // row 5
            "partially_refunded, fulfilled,   false, true,  PARTIALLY_REFUNDED",
            "partially_refunded, null,        false, false, PARTIALLY_REFUNDED",
            // row 6
            "paid,               fulfilled,   false, true,  CLOSED",
            // rows 7, 8: fulfilment before payment
            "paid,               fulfilled,   false, false, FULFILLED",
            "pending,            fulfilled,   false, false, FULFILLED",
            "paid,               partial,     false, false, PARTIALLY_FULFILLED",
            "authorized,         partial,     false, false, PARTIALLY_FULFILLED",
            // row 9
            "paid,               null,        false, false, PAID",
            "paid,               unfulfilled, false, false, PAID",
            // row 10
            "authorized,         null,        false, false, OPEN",
            "partially_paid,     unfulfilled, false, false, OPEN",
            // row 11
            "pending,            null,        false, false, PENDING",
            "expired,            null,        false, false, PENDING",
            "null,               null,        false, false, PENDING",
            // Shopify's words are matched case-insensitively
            "PAID,               FULFILLED,   false, false, FULFILLED",
    })
    void followsTheTable(String financial, String fulfillment, boolean cancelled, boolean closed, OrderStatus expected) {
        assertThat(ShopifyOrderStatus.of(financial, fulfillment, cancelled, closed)).isEqualTo(expected);
    }

    @Test
    void refusesFinancialStatusItDoesNotKnow() {
        assertThatThrownBy(() -> ShopifyOrderStatus.of("chargeback_pending", null, false, false))
                .isInstanceOf(MappingException.class).hasMessageContaining("financial_status");
    }

    @Test
    void refusesFulfillmentStatusItDoesNotKnowEvenWhenCancelled() {
        assertThatThrownBy(() -> ShopifyOrderStatus.of("paid", "in_transit", true, false))
                .isInstanceOf(MappingException.class).hasMessageContaining("fulfillment_status");
    }
}
