package io.crmsync.normalizer.mapping.woocommerce;

import io.crmsync.contract.model.OrderStatus;
import io.crmsync.normalizer.mapping.MappingException;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/**
 * WooCommerce's order {@code status} (plus its {@code refunds[]}) in the one canonical lifecycle.
 * The first matching row wins; the table is the one in {@code docs/mapping-woocommerce.md}.
 * <ol>
 *   <li>{@code refunded} → refunded</li>
 *   <li>refunds totalling more than zero, status not {@code refunded}, {@code cancelled} or
 *       {@code trash} → partially_refunded</li>
 *   <li>{@code cancelled}, {@code trash} → cancelled</li>
 *   <li>{@code completed} → fulfilled</li>
 *   <li>{@code processing} → paid (payment received, not yet shipped)</li>
 *   <li>{@code on-hold} → open (awaiting payment confirmation, e.g. a bank transfer)</li>
 *   <li>{@code pending}, {@code failed}, {@code checkout-draft} → pending (the buyer can still pay)</li>
 * </ol>
 * Any other word (a plugin's custom status) is refused rather than guessed.
 */
public final class WooCommerceOrderStatus {

    private static final Set<String> KNOWN = Set.of("pending", "processing", "on-hold", "completed", "cancelled",
            "refunded", "failed", "trash", "checkout-draft");

    private WooCommerceOrderStatus() {
    }

    /**
     * @param status   the order's {@code status}
     * @param refunded Σ |{@code refunds[].total}| (zero when none)
     */
    public static OrderStatus of(String status, BigDecimal refunded) {
        if (status == null || status.isBlank()) {
            throw new MappingException("required field 'status' is missing");
        }
        String word = status.trim().toLowerCase(Locale.ROOT);
        if (!KNOWN.contains(word)) {
            throw new MappingException("unknown WooCommerce order status '" + word + "'");
        }
        boolean cancelled = "cancelled".equals(word) || "trash".equals(word);
        if ("refunded".equals(word)) {
            return OrderStatus.REFUNDED;
        }
        if (refunded.signum() > 0 && !cancelled) {
            return OrderStatus.PARTIALLY_REFUNDED;
        }
        return switch (word) {
            case "cancelled", "trash" -> OrderStatus.CANCELLED;
            case "completed" -> OrderStatus.FULFILLED;
            case "processing" -> OrderStatus.PAID;
            case "on-hold" -> OrderStatus.OPEN;
            default -> OrderStatus.PENDING; // pending, failed, checkout-draft
        };
    }
}
