package io.crmsync.sandbox.storefront;

/**
 * A store's current fault.
 *
 * @param percent    share of webhooks dropped ({@link FaultMode#DROP_WEBHOOKS})
 * @param requests   request budget ({@link FaultMode#API_RATE_LIMIT})
 * @param perSeconds length of the budget's window in seconds ({@link FaultMode#API_RATE_LIMIT})
 */
public record Fault(FaultMode mode, int percent, int requests, int perSeconds) {

    public static final Fault NONE = new Fault(FaultMode.NONE, 0, 0, 0);
}
