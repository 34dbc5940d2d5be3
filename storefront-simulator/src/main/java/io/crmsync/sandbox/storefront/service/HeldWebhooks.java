package io.crmsync.sandbox.storefront.service;

import io.crmsync.commons.tenant.Store;
import io.crmsync.sandbox.storefront.platform.WebhookEvent;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Webhooks held back by the {@code reorder-webhooks} fault. A batch is handed back newest first,
 * so an {@code orders/updated} goes out before its {@code orders/create} and an older state of an
 * object after a newer one: the order a platform's parallel senders can produce.
 */
@ApplicationScoped
public class HeldWebhooks {

    /** One held webhook and the store that sends it. */
    public record Held(Store store, WebhookEvent event) {
    }

    private final Map<String, List<Held>> held = new ConcurrentHashMap<>();

    /** Holds the webhook; once the store holds {@code batch} of them, removes and returns them all, newest first. */
    public List<Held> hold(Store store, WebhookEvent event, int batch) {
        List<Held> released = new ArrayList<>();
        held.compute(store.id(), (id, waiting) -> {
            List<Held> list = waiting == null ? new ArrayList<>() : waiting;
            list.add(new Held(store, event));
            if (list.size() < batch) {
                return list;
            }
            released.addAll(list);
            return null;
        });
        Collections.reverse(released);
        return released;
    }

    /** Removes and returns what the store still holds, newest first (the fault was changed). */
    public List<Held> release(String storeId) {
        List<Held> released = new ArrayList<>();
        held.computeIfPresent(storeId, (id, waiting) -> {
            released.addAll(waiting);
            return null;
        });
        Collections.reverse(released);
        return released;
    }
}
