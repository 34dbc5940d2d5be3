package io.crmsync.commons.tenant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

/** The storefront platforms, by the names used in URLs, the registry and events. */
public enum Platform {
    SHOPIFY("shopify"), WOOCOMMERCE("woocommerce"), BIGCOMMERCE("bigcommerce"), ADOBE_COMMERCE("adobe-commerce");

    private final String wire;

    Platform(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static Platform fromWire(String value) {
        return find(value).orElseThrow(() -> new IllegalArgumentException("unknown platform '" + value + "'"));
    }

    /** For input from outside (a URL segment): unknown names are an answer, not an error. */
    public static Optional<Platform> find(String value) {
        return Arrays.stream(values()).filter(p -> p.wire.equals(value)).findFirst();
    }
}
