package io.crmsync.normalizer.mapping.woocommerce;

import io.crmsync.contract.model.OrderStatus;
import io.crmsync.normalizer.mapping.MappingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every row of the status table in docs/mapping-woocommerce.md, and the precedence between rows. */
class WooCommerceOrderStatusTest {

    @ParameterizedTest(name = "{0} refunded={1} -> {2}")
    @CsvSource({
            // row 1: refunded, with or without refunds listed
            "refunded,       0,     REFUNDED",
            "refunded,       29.35, REFUNDED",
            // row 2: a refund on an order that is neither refunded nor cancelled
            "processing,     10.00, PARTIALLY_REFUNDED",
            "completed,      0.01,  PARTIALLY_REFUNDED",
            "on-hold,        5,     PARTIALLY_REFUNDED",
            // row 3: cancelled and trash stay cancelled even with refunds
            "cancelled,      0,     CANCELLED",
            "cancelled,      10.00, CANCELLED",
            "trash,          0,     CANCELLED",
            "trash,          10.00, CANCELLED",
            // row 4
            "completed,      0,     FULFILLED",
            // row 5
            "processing,     0,     PAID",
            // row 6
            "on-hold,        0,     OPEN",
            // row 7
            "pending,        0,     PENDING",
            "failed,         0,     PENDING",
            "checkout-draft, 0,     PENDING",
            // words are matched case-insensitively
            "Completed,      0,     FULFILLED",
    })
    void followsTheTable(String status, BigDecimal refunded, OrderStatus expected) {
        assertThat(WooCommerceOrderStatus.of(status, refunded)).isEqualTo(expected);
    }

    @Test
    void refusesAStatusItDoesNotKnowEvenWithRefunds() {
        assertThatThrownBy(() -> WooCommerceOrderStatus.of("shipped", new BigDecimal("5.00")))
                .isInstanceOf(MappingException.class).hasMessageContaining("'shipped'");
    }

    @Test
    void refusesAMissingStatus() {
        assertThatThrownBy(() -> WooCommerceOrderStatus.of(" ", BigDecimal.ZERO))
                .isInstanceOf(MappingException.class).hasMessageContaining("status");
    }
}
