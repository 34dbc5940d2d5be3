package io.crmsync.commons.tenant;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

/** How a commerce-owned field takes a new value, by the names the registry uses. */
public enum FieldStrategy {
    /** The value with the newest source time wins. */
    LAST_WRITE_WINS("last-write-wins"),
    /** The most recently processed commerce change wins, whatever its source time. */
    SOURCE_WINS("source-wins"),
    /** A different value from another source identity waits in the review queue. */
    MANUAL_REVIEW("manual-review"),
    /** Multi-valued fields only: the union of all values seen, in first-seen order. */
    MERGE("merge");

    private final String wire;

    FieldStrategy(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public static Optional<FieldStrategy> find(String value) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(value)).findFirst();
    }
}
