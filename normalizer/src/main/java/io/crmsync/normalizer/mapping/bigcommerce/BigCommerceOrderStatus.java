package io.crmsync.normalizer.mapping.bigcommerce;

import io.crmsync.contract.model.OrderStatus;
import io.crmsync.normalizer.mapping.MappingException;

/**
 * BigCommerce's order state ({@code status_id} × {@code is_deleted}) in the one canonical
 * lifecycle. The id is read, never the {@code status} text: merchants may relabel statuses, the
 * ids stay fixed. The first matching row wins; the table is the one in
 * {@code docs/mapping-bigcommerce.md}.
 * <ol>
 *   <li>5 Cancelled, 6 Declined → cancelled</li>
 *   <li>4 Refunded → refunded</li>
 *   <li>14 Partially Refunded → partially_refunded</li>
 *   <li>{@code is_deleted} (archived) → closed</li>
 *   <li>2 Shipped, 10 Completed → fulfilled</li>
 *   <li>3 Partially Shipped → partially_fulfilled</li>
 *   <li>11 Awaiting Fulfillment, 9 Awaiting Shipment, 8 Awaiting Pickup → paid</li>
 *   <li>12 Manual Verification Required, 13 Disputed → open</li>
 *   <li>0 Incomplete, 1 Pending, 7 Awaiting Payment → pending</li>
 * </ol>
 * An id outside 0–14 is refused (mapping error) rather than guessed, even on an archived order.
 */
final class BigCommerceOrderStatus {

    private BigCommerceOrderStatus() {
    }

    static OrderStatus of(int statusId, boolean archived) {
        OrderStatus byId = switch (statusId) {
            case 5, 6 -> OrderStatus.CANCELLED;
            case 4 -> OrderStatus.REFUNDED;
            case 14 -> OrderStatus.PARTIALLY_REFUNDED;
            case 2, 10 -> OrderStatus.FULFILLED;
            case 3 -> OrderStatus.PARTIALLY_FULFILLED;
            case 11, 9, 8 -> OrderStatus.PAID;
            case 12, 13 -> OrderStatus.OPEN;
            case 0, 1, 7 -> OrderStatus.PENDING;
            default -> throw new MappingException("unknown BigCommerce status_id " + statusId);
        };
        boolean finalMoneyState = byId == OrderStatus.CANCELLED || byId == OrderStatus.REFUNDED
                || byId == OrderStatus.PARTIALLY_REFUNDED;
        return archived && !finalMoneyState ? OrderStatus.CLOSED : byId;
    }
}
