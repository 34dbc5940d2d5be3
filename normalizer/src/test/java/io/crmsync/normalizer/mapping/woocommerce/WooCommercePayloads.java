package io.crmsync.normalizer.mapping.woocommerce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmsync.contract.EventCodec;
import io.crmsync.contract.EventType;
import io.crmsync.testkit.SharedFixtures;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WooCommerce payloads for the tests: the platform's own REST v3 examples from
 * {@code shared/fixtures/woocommerce} (skipped visibly when absent), and ours in
 * {@code src/test/resources/woocommerce}, written from the documented REST v3 shapes. Each call
 * returns a fresh copy that a test may change.
 */
final class WooCommercePayloads {

    static final String STORE = "acme-woo";
    static final EventCodec CODEC = new EventCodec();

    private WooCommercePayloads() {
    }

    /** A real fixture, e.g. {@code order_retrieve_v3.json}, numbers read exactly. */
    static ObjectNode fixture(String name) {
        return (ObjectNode) SharedFixtures.json("woocommerce/" + name);
    }

    /** One of ours, e.g. {@code order-guest-de.json}. */
    static ObjectNode ours(String name) {
        String resource = "/woocommerce/" + name;
        try (InputStream in = WooCommercePayloads.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the test class path");
            }
            return (ObjectNode) EventCodec.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Encodes (validating against the schema), decodes, and checks nothing was lost on the way. */
    static <T> void assertValidAndRoundTrips(EventType<T> type, T value) {
        byte[] json = CODEC.encode(type, value);
        assertThat(CODEC.decode(type, json)).isEqualTo(value);
    }
}
