package io.crmsync.commons.tenant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

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
        return Arrays.stream(values()).filter(p -> p.wire.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown platform '" + value + "'"));
    }
}
