package io.crmsync.sandbox.storefront.service;

import io.crmsync.sandbox.storefront.Fault;
import io.crmsync.sandbox.storefront.FaultMode;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fault of each store. A fault holds until the next faults call for that store; every call
 * also starts the store's API rate limits afresh (a new {@link #generation}).
 */
@ApplicationScoped
public class FaultRegistry {

    private final Map<String, State> states = new ConcurrentHashMap<>();

    private static final class State {
        final Fault fault;
        final long generation;
        long webhooksSeen;

        State(Fault fault, long generation) {
            this.fault = fault;
            this.generation = generation;
        }
    }

    public void set(String storeId, Fault fault) {
        states.compute(storeId, (id, previous) -> new State(fault, previous == null ? 1 : previous.generation + 1));
    }

    public Fault fault(String storeId) {
        State state = states.get(storeId);
        return state == null ? Fault.NONE : state.fault;
    }

    /** Changes whenever a faults call is made for the store: rate limiters built for an older one are stale. */
    public long generation(String storeId) {
        State state = states.get(storeId);
        return state == null ? 0 : state.generation;
    }

    /**
     * Holds an admin API call of the store (on its worker thread) for the store's {@code api-latency}
     * fault, if any; the fault in force when the call arrived decides.
     */
    public void delayApiCall(String storeId) {
        Fault fault = fault(storeId);
        if (fault.mode() != FaultMode.API_LATENCY) {
            return;
        }
        try {
            Thread.sleep(fault.millis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether the next webhook of the store is lost. Drops exactly {@code percent} of webhooks over
     * any run (every n-th, spread evenly) so tests and demos can count on the share.
     */
    public boolean dropNextWebhook(String storeId) {
        State state = states.get(storeId);
        if (state == null || state.fault.mode() != FaultMode.DROP_WEBHOOKS) {
            return false;
        }
        synchronized (state) {
            long n = state.webhooksSeen++;
            int percent = state.fault.percent();
            return (n + 1) * percent / 100 > n * percent / 100;
        }
    }
}
