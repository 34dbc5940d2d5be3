package io.crmsync.normalizer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmsync.contract.EventCodec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Our own Shopify payloads, written from Shopify's documented REST resource shapes (not copied
 * from anywhere): a German guest order and a French customer. Each call returns a fresh copy that
 * a test may change.
 */
public final class TestPayloads {

    private TestPayloads() {
    }

    /** Guest order #2001, paid, EUR; billing (Munich) and shipping (Düsseldorf) differ. */
    public static ObjectNode guestOrder() {
        return load("/shopify/order-guest-de.json");
    }

    /** Customer 6200000001 with a national-format French mobile and an explicit e-mail opt-in. */
    public static ObjectNode frenchCustomer() {
        return load("/shopify/customer-fr.json");
    }

    private static ObjectNode load(String resource) {
        try (InputStream in = TestPayloads.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the test class path");
            }
            return (ObjectNode) EventCodec.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
