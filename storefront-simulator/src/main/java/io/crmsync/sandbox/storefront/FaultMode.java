package io.crmsync.sandbox.storefront;

import java.util.Arrays;
import java.util.Optional;

/** What a store misbehaves with, as set through {@code POST /_sim/faults}. */
public enum FaultMode {
    /** Normal behaviour. */
    NONE("none"),
    /** A share of webhooks is silently never sent: the reconciler must find those changes. */
    DROP_WEBHOOKS("drop-webhooks"),
    /** The admin API answers 503 as the platform does when it is down. */
    API_OUTAGE("api-outage"),
    /** The admin API allows only {@code requests} per {@code perSeconds}, answering 429 past that. */
    API_RATE_LIMIT("api-rate-limit"),
    /** The admin API refuses the registry's credentials with the platform's 401, as after the merchant revoked the app. */
    API_AUTH("api-auth"),
    /** Every admin API call answers only after {@code millis}, as a slow or overloaded store does. */
    API_LATENCY("api-latency"),
    /** Every webhook is delivered twice with the same event id, as at-least-once platforms do now and then. */
    DUPLICATE_WEBHOOKS("duplicate-webhooks"),
    /** Webhooks are held back in batches of {@code hold} and sent newest first: an update before its create. */
    REORDER_WEBHOOKS("reorder-webhooks");

    private final String wire;

    FaultMode(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<FaultMode> fromWire(String value) {
        return Arrays.stream(values()).filter(m -> m.wire.equals(value)).findFirst();
    }
}
