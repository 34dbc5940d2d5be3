package io.crmsync.contract.model;

/**
 * One purchasable variant of a product.
 *
 * @param descriptor what distinguishes it, as the platform names it ({@code "Red / L"}, {@code "size: L"})
 */
public record ProductVariant(String variantId, String sku, String descriptor, String price) {
}
