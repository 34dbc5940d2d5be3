package io.crmsync.dedup;

/** Where a review item stands; only an open one can be resolved. */
public enum ReviewStatus {
    OPEN, ACCEPTED, REJECTED
}
