package io.crmsync.normalizer.mapping.adobe;

import io.crmsync.contract.model.OrderStatus;
import io.crmsync.normalizer.mapping.MappingException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every row of the Adobe Commerce order status table, and the rows that must not win. */
class AdobeCommerceOrderStatusTest {

    @ParameterizedTest(name = "row {0}: {1} refunded={2} paid={3} shipped={4}/{5} → {6}")
    @CsvSource(nullValues = "null", value = {
            // row, state,      total_refunded, total_paid, shipped, ordered, expected
            "1, canceled,       10.00,  100.00, 0, 3, CANCELLED",
            "1, CANCELED,       null,   null,   0, 3, CANCELLED",
            "2, closed,         100.00, 100.00, 3, 3, REFUNDED",
            "3, complete,       10.00,  100.00, 3, 3, PARTIALLY_REFUNDED",
            "3, processing,     10.00,  100.00, 1, 3, PARTIALLY_REFUNDED",
            "4, holded,         null,   100.00, 0, 3, OPEN",
            "4, payment_review, 0.0000, null,   0, 3, OPEN",
            "5, complete,       null,   100.00, 3, 3, FULFILLED",
            "5, complete,       0.00,   100.00, 0, 0, FULFILLED",
            "6, processing,     null,   100.00, 1, 3, PARTIALLY_FULFILLED",
            "6, processing,     null,   0.00,   2, 3, PARTIALLY_FULFILLED",
            "7, processing,     null,   0.00,   0, 3, OPEN",
            "7, processing,     null,   40.00,  3, 3, OPEN",
            "8, processing,     null,   100.00, 0, 3, PAID",
            "8, processing,     null,   100.00, 3, 3, PAID",
            "8, processing,     null,   null,   0, 3, PAID",
            "9, new,            null,   null,   0, 3, PENDING",
            "9, pending_payment, null,  0.00,   0, 3, PENDING"})
    void everyRowOfTheTable(int row, String state, BigDecimal refunded, BigDecimal paid, BigDecimal shipped,
                            BigDecimal ordered, OrderStatus expected) {
        assertThat(AdobeOrderStatus.of(state, refunded, paid, new BigDecimal("100.00"), shipped, ordered))
                .as("row %d", row).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pending", "fraud", "shipped", "cancelled"})
    void unknownStateIsRefusedEvenWhenRefunded(String state) {
        BigDecimal ten = BigDecimal.TEN;
        assertThatThrownBy(() -> AdobeOrderStatus.of(state, ten, ten, ten, BigDecimal.ZERO, BigDecimal.ONE))
                .isInstanceOf(MappingException.class).hasMessageContaining("state");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingStateIsRefused(String state) {
        assertThatThrownBy(() -> AdobeOrderStatus.of(state, null, null, BigDecimal.TEN, BigDecimal.ZERO, BigDecimal.ONE))
                .isInstanceOf(MappingException.class).hasMessageContaining("'state'");
    }
}
