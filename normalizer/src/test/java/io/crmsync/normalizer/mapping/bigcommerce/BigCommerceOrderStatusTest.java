package io.crmsync.normalizer.mapping.bigcommerce;

import io.crmsync.contract.model.OrderStatus;
import io.crmsync.normalizer.mapping.MappingException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every row of the status table in docs/mapping-bigcommerce.md, and the archive precedence. */
class BigCommerceOrderStatusTest {

    @ParameterizedTest(name = "status_id {0}, archived={1} -> {2}")
    @CsvSource({
            // row 1: Cancelled, Declined
            "5,  false, CANCELLED",
            "6,  false, CANCELLED",
            "5,  true,  CANCELLED",
            // row 2: Refunded
            "4,  false, REFUNDED",
            "4,  true,  REFUNDED",
            // row 3: Partially Refunded
            "14, false, PARTIALLY_REFUNDED",
            "14, true,  PARTIALLY_REFUNDED",
            // row 4: archived (is_deleted) orders in any other state are closed
            "10, true,  CLOSED",
            "11, true,  CLOSED",
            "1,  true,  CLOSED",
            // row 5: Shipped, Completed
            "2,  false, FULFILLED",
            "10, false, FULFILLED",
            // row 6: Partially Shipped
            "3,  false, PARTIALLY_FULFILLED",
            // row 7: Awaiting Fulfillment, Awaiting Shipment, Awaiting Pickup
            "11, false, PAID",
            "9,  false, PAID",
            "8,  false, PAID",
            // row 8: Manual Verification Required, Disputed
            "12, false, OPEN",
            "13, false, OPEN",
            // row 9: Incomplete, Pending, Awaiting Payment
            "0,  false, PENDING",
            "1,  false, PENDING",
            "7,  false, PENDING",
    })
    void followsTheTable(int statusId, boolean archived, OrderStatus expected) {
        assertThat(BigCommerceOrderStatus.of(statusId, archived)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 15, 99})
    void refusesAnIdItDoesNotKnowEvenWhenArchived(int statusId) {
        assertThatThrownBy(() -> BigCommerceOrderStatus.of(statusId, true))
                .isInstanceOf(MappingException.class).hasMessageContaining("status_id");
    }
}
