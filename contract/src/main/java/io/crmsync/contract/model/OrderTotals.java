package io.crmsync.contract.model;

/**
 * Order money as exact decimal strings in the order's currency; never floats.
 */
public record OrderTotals(
        String currency,
        String subtotal,
        String discount,
        String shipping,
        String tax,
        String total) {
}
