package io.crmsync.contract;

import java.util.Locale;

/** Why an event entered the pipeline; carried as the {@code ce_origin} extension. */
public enum Origin {
    WEBHOOK, POLL, BACKFILL, REPLAY;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Origin fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
