package io.crmsync.contract.model;

import java.time.Instant;
import java.util.List;

/**
 * Canonical order v1. Billing and shipping addresses are kept apart; a platform that allows
 * several of either gives several. {@code customer} is null only when the order names nobody;
 * {@code company} only when the buyer acts for a business.
 *
 * @param sourceStatus the platform's own status words, for audit ({@code financial/fulfillment})
 */
public record Order(
        SourceRef source,
        String orderNumber,
        OrderStatus status,
        String sourceStatus,
        OrderTotals totals,
        List<OrderLine> lines,
        Customer customer,
        List<Address> billingAddresses,
        List<Address> shippingAddresses,
        Instant createdAt,
        Instant updatedAt,
        String sourceVersion,
        /* B2B: from the platform's company, else the billing address's company text; added in v1.1 */
        Company company) {
}
