package io.crmsync.reconciler.service;

import io.crmsync.commons.messaging.EventEnvelope;
import io.crmsync.commons.tenant.Store;
import io.crmsync.commons.tenant.Tenant;
import io.crmsync.contract.EventType;
import io.crmsync.contract.Origin;
import io.crmsync.contract.webhook.Delivery;
import io.crmsync.contract.webhook.WebhookReceived;

import java.time.Instant;

/**
 * Turns a polled object into the same {@code commerce.webhook.received.v1} event the ingress makes
 * of a webhook, so the normalizer treats both alike.
 */
public final class PolledEvents {

    private PolledEvents() {
    }

    public static PolledEvent of(Tenant tenant, Store store, PolledObject object, Instant receivedAt) {
        String platform = store.platform().wire();
        // Stable: the same version of an object polled twice (the overlap) carries the same id, so
        // the dedup-service recognises the repeat.
        Delivery delivery = new Delivery("poll:" + object.objectId() + ":" + object.updatedAtRaw(), true, object.updatedAt());
        WebhookReceived data = new WebhookReceived(platform, store.id(), object.topic(), object.objectType(),
                object.objectId(), delivery, receivedAt, object.payload());
        EventEnvelope envelope = EventEnvelope.create(EventType.WEBHOOK_RECEIVED,
                "/reconciler/" + platform + "/" + store.id(),
                object.objectType() + "/" + object.objectId(),
                tenant.id(), origin(tenant, object), key(tenant, store, object));
        return new PolledEvent(envelope, data);
    }

    /**
     * An operator's replay of a polled object: origin {@code replay}, which the dedup-service never
     * counts as a duplicate (it still refuses to roll a newer state back), and a delivery id of its
     * own per replay.
     */
    public static PolledEvent replay(Tenant tenant, Store store, PolledObject object, Instant receivedAt, String replayId) {
        String platform = store.platform().wire();
        Delivery delivery = new Delivery("replay:" + replayId + ":" + object.objectId(), false, object.updatedAt());
        WebhookReceived data = new WebhookReceived(platform, store.id(), object.topic(), object.objectType(),
                object.objectId(), delivery, receivedAt, object.payload());
        EventEnvelope envelope = EventEnvelope.create(EventType.WEBHOOK_RECEIVED,
                "/reconciler/" + platform + "/" + store.id(),
                object.objectType() + "/" + object.objectId(),
                tenant.id(), Origin.REPLAY, key(tenant, store, object));
        return new PolledEvent(envelope, data);
    }

    /** Objects created before the tenant went live are history: they travel as backfill. */
    static Origin origin(Tenant tenant, PolledObject object) {
        return tenant.isHistory(object.createdAt()) ? Origin.BACKFILL : Origin.POLL;
    }

    /** The topic's key, {@code tenant/store/objectType/objectId}, identical to the ingress' key for a webhook. */
    static String key(Tenant tenant, Store store, PolledObject object) {
        return tenant.id() + "/" + store.id() + "/" + object.objectType() + "/" + object.objectId();
    }
}
