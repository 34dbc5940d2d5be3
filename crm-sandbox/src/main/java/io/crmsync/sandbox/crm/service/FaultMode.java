package io.crmsync.sandbox.crm.service;

import java.util.Arrays;
import java.util.Optional;

/** The fault an account can be switched into through {@code POST /_sandbox/faults}. */
public enum FaultMode {
    NONE("none"),
    OUTAGE("outage"),
    AUTH("auth"),
    RATE_LIMIT("rate-limit"),
    LATENCY("latency");

    private final String wireName;

    FaultMode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<FaultMode> fromWire(String name) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(name)).findFirst();
    }
}
