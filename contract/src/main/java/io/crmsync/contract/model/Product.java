package io.crmsync.contract.model;

import java.time.Instant;
import java.util.List;

/**
 * Canonical product v1: the minimal stable subset every platform has. Prices are decimal strings;
 * product payloads state no currency on any platform (prices are in the store's currency), so
 * {@code currency} is set only where the payload names it.
 *
 * @param sku     of the product itself (a simple product); variants carry their own
 * @param price   of the product itself (a simple product or the base price); variants carry their own
 * @param status  the platform's own word ({@code active}, {@code draft}, {@code publish}, ...)
 */
public record Product(
        SourceRef source,
        String title,
        String sku,
        String price,
        String currency,
        String status,
        List<ProductVariant> variants,
        Instant createdAt,
        Instant updatedAt,
        String sourceVersion) {
}
