package io.crmsync.sandbox.storefront;

/** A store id that is not in the tenant registry; answered 404. */
public class UnknownStoreException extends RuntimeException {

    public UnknownStoreException(String storeId) {
        super("store " + storeId + " is not in the tenant registry");
    }
}
