package io.crmsync.normalizer.service;

import io.crmsync.contract.Origin;
import io.crmsync.contract.webhook.WebhookReceived;

import java.time.Instant;

/**
 * When the state a record carries was seen current at its store ({@code ce_observedat}). Stores
 * give {@code updatedAt} in whole seconds, so two states of one object can share it; the
 * dedup-service then keeps the state seen later.
 */
public final class SourceObservation {

    private SourceObservation() {
    }

    /**
     * A webhook: the platform's trigger time when it gives one (Shopify's
     * {@code X-Shopify-Triggered-At}, to the microsecond), else its arrival. A polled, backfilled
     * or replayed object: when it was read (its delivery's {@code triggeredAt} is the object's
     * modification time there, not an observation).
     */
    public static Instant of(Origin origin, WebhookReceived event) {
        if (origin == Origin.WEBHOOK && event.delivery() != null && event.delivery().triggeredAt() != null) {
            return event.delivery().triggeredAt();
        }
        return event.receivedAt();
    }

    /** An object read back from the store's admin API now: current at least from its request on. */
    public static Instant fetchedNow() {
        return Instant.now();
    }
}
