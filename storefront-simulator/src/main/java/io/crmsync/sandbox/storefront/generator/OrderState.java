package io.crmsync.sandbox.storefront.generator;

/** Where a generated order is in its life; each platform shaper maps it to its own statuses. */
public enum OrderState {
    PAID, PENDING, AUTHORIZED, REFUNDED, CANCELLED
}
