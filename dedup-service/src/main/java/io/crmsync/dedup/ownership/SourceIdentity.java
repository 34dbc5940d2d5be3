package io.crmsync.dedup.ownership;

import io.crmsync.contract.model.SourceRef;

/**
 * The source identity a field value is attributed to: the store's customer
 * ({@code platform:storeId:customerId}), or for a guest checkout, which has no customer record,
 * the store itself ({@code platform:storeId}). {@code manual-review} compares these.
 */
public final class SourceIdentity {

    private SourceIdentity() {
    }

    public static String of(SourceRef source) {
        String store = source.platform() + ":" + source.storeId();
        return source.objectId() == null || source.objectId().isBlank() ? store : store + ":" + source.objectId();
    }
}
