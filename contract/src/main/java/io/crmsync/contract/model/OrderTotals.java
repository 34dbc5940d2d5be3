package io.crmsync.contract.model;

/**
 * Order money as exact decimal strings in the order's currency; never floats. The same meaning on
 * every platform: {@code subtotal} is the items before discounts, shipping and tax;
 * {@code discount} all discounts (positive); {@code total} what the buyer pays, as placed.
 */
public record OrderTotals(
        String currency,
        String subtotal,
        String discount,
        String shipping,
        String tax,
        String total) {
}
