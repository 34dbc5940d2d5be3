package io.crmsync.sandbox.storefront;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of object a simulated store keeps, by their plural URL name. */
public enum ObjectType {
    ORDERS("orders", "order"), CUSTOMERS("customers", "customer"), PRODUCTS("products", "product");

    private final String plural;
    private final String singular;

    ObjectType(String plural, String singular) {
        this.plural = plural;
        this.singular = singular;
    }

    public String plural() {
        return plural;
    }

    public String singular() {
        return singular;
    }

    public static Optional<ObjectType> fromPlural(String value) {
        return Arrays.stream(values()).filter(t -> t.plural.equals(value)).findFirst();
    }
}
