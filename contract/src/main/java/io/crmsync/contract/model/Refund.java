package io.crmsync.contract.model;

import java.time.Instant;
import java.util.List;

/**
 * Canonical refund v1: money given back on one order. Refunds are immutable on every platform, so
 * {@code updatedAt} is when the refund was processed (or created) unless the source has a later
 * modification time.
 *
 * @param orderId  the source id of the refunded order (same store)
 * @param amount   the amount refunded, positive, exact decimal
 * @param currency ISO 4217; null only when the payload does not state it (then it is the order's)
 */
public record Refund(
        SourceRef source,
        String orderId,
        String amount,
        String currency,
        String reason,
        List<RefundLine> lines,
        Instant createdAt,
        Instant updatedAt,
        String sourceVersion) {
}
