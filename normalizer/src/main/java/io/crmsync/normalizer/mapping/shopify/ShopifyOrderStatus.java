package io.crmsync.normalizer.mapping.shopify;

import io.crmsync.contract.model.OrderStatus;
import io.crmsync.normalizer.mapping.MappingException;

import java.util.Locale;
import java.util.Set;

/**
 * Shopify's order state ({@code financial_status} × {@code fulfillment_status} ×
 * {@code cancelled_at} × {@code closed_at}) in the one canonical lifecycle. The first matching
 * row wins; the table is the one in the module README.
 * <ol>
 *   <li>{@code cancelled_at} set → cancelled</li>
 *   <li>financial {@code refunded} → refunded</li>
 *   <li>financial {@code voided} → cancelled (the payment was voided: nothing will be collected)</li>
 *   <li>fulfillment {@code restocked} → cancelled (Shopify: every item restocked, order cancelled)</li>
 *   <li>financial {@code partially_refunded} → partially_refunded</li>
 *   <li>{@code closed_at} set → closed (archived)</li>
 *   <li>fulfillment {@code fulfilled} → fulfilled</li>
 *   <li>fulfillment {@code partial} → partially_fulfilled</li>
 *   <li>financial {@code paid} → paid</li>
 *   <li>financial {@code authorized} or {@code partially_paid} → open</li>
 *   <li>financial {@code pending}, {@code expired} or absent → pending</li>
 * </ol>
 * A status word Shopify may add later is refused (mapping error) rather than guessed.
 */
public final class ShopifyOrderStatus {

    private static final Set<String> FINANCIAL = Set.of("pending", "authorized", "partially_paid", "paid",
            "partially_refunded", "refunded", "voided", "expired");
    private static final Set<String> FULFILLMENT = Set.of("fulfilled", "partial", "restocked", "unfulfilled");

    private ShopifyOrderStatus() {
    }

    /**
     * @param financial   {@code financial_status}, or null
     * @param fulfillment {@code fulfillment_status}, or null (= unfulfilled)
     */
    public static OrderStatus of(String financial, String fulfillment, boolean cancelled, boolean closed) {
        String fin = normalize(financial, FINANCIAL, "financial_status");
        String ful = normalize(fulfillment, FULFILLMENT, "fulfillment_status");
        if (cancelled) {
            return OrderStatus.CANCELLED;
        }
        if ("refunded".equals(fin)) {
            return OrderStatus.REFUNDED;
        }
        if ("voided".equals(fin) || "restocked".equals(ful)) {
            return OrderStatus.CANCELLED;
        }
        if ("partially_refunded".equals(fin)) {
            return OrderStatus.PARTIALLY_REFUNDED;
        }
        if (closed) {
            return OrderStatus.CLOSED;
        }
        if ("fulfilled".equals(ful)) {
            return OrderStatus.FULFILLED;
        }
        if ("partial".equals(ful)) {
            return OrderStatus.PARTIALLY_FULFILLED;
        }
        if ("paid".equals(fin)) {
            return OrderStatus.PAID;
        }
        if ("authorized".equals(fin) || "partially_paid".equals(fin)) {
            return OrderStatus.OPEN;
        }
        return OrderStatus.PENDING;
    }

    private static String normalize(String word, Set<String> known, String field) {
        if (word == null || word.isBlank()) {
            return null;
        }
        String lower = word.trim().toLowerCase(Locale.ROOT);
        if (!known.contains(lower)) {
            throw new MappingException("unknown Shopify " + field + " '" + lower + "'");
        }
        return lower;
    }
}
