package io.crmsync.sandbox.crm.service;

/**
 * A fault in force for one account. Only the fields that belong to the mode are meaningful:
 * {@code requests}/{@code perSeconds} for rate-limit, {@code millis} for latency.
 */
public record Fault(FaultMode mode, int requests, int perSeconds, long millis) {

    public static final Fault NONE = new Fault(FaultMode.NONE, 0, 0, 0);

    public static Fault outage() {
        return new Fault(FaultMode.OUTAGE, 0, 0, 0);
    }

    public static Fault expiredAuth() {
        return new Fault(FaultMode.AUTH, 0, 0, 0);
    }

    public static Fault rateLimit(int requests, int perSeconds) {
        return new Fault(FaultMode.RATE_LIMIT, requests, perSeconds, 0);
    }

    public static Fault latency(long millis) {
        return new Fault(FaultMode.LATENCY, 0, 0, millis);
    }
}
