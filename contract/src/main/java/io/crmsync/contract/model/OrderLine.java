package io.crmsync.contract.model;

/** One line of an order; prices are decimal strings in the order's currency. */
public record OrderLine(
        String sourceLineId,
        String productId,
        String variantId,
        String sku,
        String title,
        String variantTitle,
        int quantity,
        String unitPrice,
        String total) {
}
