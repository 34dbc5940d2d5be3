package io.crmsync.normalizer.mapping.adobe;

import io.crmsync.contract.model.OrderStatus;
import io.crmsync.normalizer.mapping.MappingException;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/**
 * Adobe Commerce's order {@code state} (the workflow position; {@code status} is a merchant-defined
 * label within it and does not enter the table) in the one canonical lifecycle. The first matching
 * row wins; the table is the one in {@code docs/mapping-adobe-commerce.md}.
 * <ol>
 *   <li>state {@code canceled} → cancelled</li>
 *   <li>state {@code closed} → refunded (Commerce closes an order once credit memos refunded all
 *       that was invoiced)</li>
 *   <li>{@code total_refunded} &gt; 0 → partially_refunded</li>
 *   <li>state {@code holded} or {@code payment_review} → open</li>
 *   <li>state {@code complete} → fulfilled (invoiced and shipped)</li>
 *   <li>state {@code processing} with some but not all items shipped → partially_fulfilled</li>
 *   <li>state {@code processing} with {@code total_paid} below {@code grand_total} → open (payment
 *       authorized, not captured: Commerce enters processing on authorization too)</li>
 *   <li>state {@code processing} → paid</li>
 *   <li>state {@code new} or {@code pending_payment} → pending</li>
 * </ol>
 * A state outside these (a custom state of an extension) is refused, never guessed.
 */
final class AdobeOrderStatus {

    private static final Set<String> STATES = Set.of("new", "pending_payment", "processing", "complete", "closed",
            "canceled", "holded", "payment_review");

    private AdobeOrderStatus() {
    }

    /**
     * @param state         the order's {@code state}, required
     * @param totalRefunded {@code total_refunded}, or null
     * @param totalPaid     {@code total_paid}, or null when the subscription does not send it
     * @param grandTotal    {@code grand_total}
     * @param qtyShipped    Σ {@code qty_shipped} of the top-level items
     * @param qtyOrdered    Σ {@code qty_ordered} of the top-level items
     */
    static OrderStatus of(String state, BigDecimal totalRefunded, BigDecimal totalPaid, BigDecimal grandTotal,
                          BigDecimal qtyShipped, BigDecimal qtyOrdered) {
        if (state == null || state.isBlank()) {
            throw new MappingException("required field 'state' is missing");
        }
        String s = state.trim().toLowerCase(Locale.ROOT);
        if (!STATES.contains(s)) {
            throw new MappingException("unknown Adobe Commerce order state '" + s + "'");
        }
        if (s.equals("canceled")) {
            return OrderStatus.CANCELLED;
        }
        if (s.equals("closed")) {
            return OrderStatus.REFUNDED;
        }
        if (totalRefunded != null && totalRefunded.signum() > 0) {
            return OrderStatus.PARTIALLY_REFUNDED;
        }
        if (s.equals("holded") || s.equals("payment_review")) {
            return OrderStatus.OPEN;
        }
        if (s.equals("complete")) {
            return OrderStatus.FULFILLED;
        }
        if (s.equals("processing")) {
            if (qtyShipped.signum() > 0 && qtyShipped.compareTo(qtyOrdered) < 0) {
                return OrderStatus.PARTIALLY_FULFILLED;
            }
            if (totalPaid != null && grandTotal != null && totalPaid.compareTo(grandTotal) < 0) {
                return OrderStatus.OPEN;
            }
            return OrderStatus.PAID;
        }
        return OrderStatus.PENDING;
    }
}
