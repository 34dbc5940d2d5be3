package io.crmsync.contract.model;

/**
 * Where an entity lives in its storefront. Kept apart from any CRM id: the CRM side is keyed by
 * golden-record keys that the dedup-service owns.
 *
 * @param platform   {@code shopify | woocommerce | bigcommerce | adobe-commerce}
 * @param storeId    the store's id in the tenant registry
 * @param objectType {@code order | customer | product | ...}
 * @param objectId   the platform's id of the object; null for a guest customer embedded in an order
 */
public record SourceRef(String platform, String storeId, String objectType, String objectId) {
}
