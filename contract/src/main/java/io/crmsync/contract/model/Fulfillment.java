package io.crmsync.contract.model;

import java.time.Instant;
import java.util.List;

/**
 * Canonical fulfillment v1: one shipment of some or all lines of an order (Shopify fulfillment,
 * BigCommerce shipment, Adobe Commerce shipment). WooCommerce has no such object: its fulfilment
 * is the order status.
 *
 * @param orderId      the source id of the order (same store)
 * @param sourceStatus the platform's own word, for audit
 */
public record Fulfillment(
        SourceRef source,
        String orderId,
        FulfillmentStatus status,
        String sourceStatus,
        String trackingCompany,
        List<String> trackingNumbers,
        List<String> trackingUrls,
        List<FulfillmentLine> lines,
        Instant createdAt,
        Instant updatedAt,
        String sourceVersion) {
}
