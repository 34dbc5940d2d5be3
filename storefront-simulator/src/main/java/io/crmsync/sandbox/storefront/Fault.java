package io.crmsync.sandbox.storefront;

/**
 * A store's current fault.
 *
 * @param percent    share of webhooks dropped ({@link FaultMode#DROP_WEBHOOKS})
 * @param requests   request budget ({@link FaultMode#API_RATE_LIMIT})
 * @param perSeconds length of the budget's window in seconds ({@link FaultMode#API_RATE_LIMIT})
 * @param millis     delay before every admin API answer ({@link FaultMode#API_LATENCY})
 * @param hold       webhooks held back before a batch is sent newest first ({@link FaultMode#REORDER_WEBHOOKS})
 */
public record Fault(FaultMode mode, int percent, int requests, int perSeconds, long millis, int hold) {

    public static final Fault NONE = new Fault(FaultMode.NONE, 0, 0, 0);

    /** A fault of a mode without a delay that holds nothing back. */
    public Fault(FaultMode mode, int percent, int requests, int perSeconds) {
        this(mode, percent, requests, perSeconds, 0, 0);
    }
}
