package io.crmsync.contract.model;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;

/**
 * Canonical invoice v1 (added in v1.1): a payment request or capture against one order, on the
 * platforms that keep invoices as objects of their own (Adobe Commerce). Lines and totals reuse
 * the order's shapes; {@code lines[].sourceLineId} is the invoiced order line's id.
 *
 * @param orderId       the source id of the invoiced order (same store)
 * @param invoiceNumber the number shown to the buyer ({@code increment_id})
 */
public record Invoice(
        SourceRef source,
        String orderId,
        String invoiceNumber,
        Status status,
        OrderTotals totals,
        List<OrderLine> lines,
        Instant createdAt,
        Instant updatedAt,
        String sourceVersion) {

    /** Whether the invoiced money was captured. */
    public enum Status {
        @JsonProperty("open") OPEN,
        @JsonProperty("paid") PAID,
        @JsonProperty("cancelled") CANCELLED
    }
}
