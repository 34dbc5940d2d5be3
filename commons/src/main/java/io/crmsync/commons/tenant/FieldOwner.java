package io.crmsync.commons.tenant;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

/** Which side is the source of truth for a CRM field, by the names the registry uses. */
public enum FieldOwner {
    /** The storefronts: their changes flow to the CRM under the field's strategy. */
    COMMERCE("commerce"),
    /** The CRM: commerce only seeds the field while the golden record has no value. */
    CRM("crm");

    private final String wire;

    FieldOwner(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public static Optional<FieldOwner> find(String value) {
        return Arrays.stream(values()).filter(o -> o.wire.equals(value)).findFirst();
    }
}
