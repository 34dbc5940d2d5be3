package io.crmsync.dedup;

/** The kinds of identity value that lead to a golden contact, strongest first. */
public enum IdentityKind {
    /** {@code platform:storeId:customerId}: the store's own customer record. */
    STORE_CUSTOMER,
    /** A normalised email address, matched within one tenant. */
    EMAIL
}
