package io.crmsync.normalizer.mapping.bigcommerce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmsync.contract.EventCodec;
import io.crmsync.contract.EventType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our own BigCommerce payloads in {@code src/test/resources/bigcommerce}, written from
 * BigCommerce's documented v2/v3 shapes in the form fetch-back publishes them (there are no real
 * BigCommerce fixtures). Read through {@link EventCodec#parse} as the normalizer reads them, so
 * numbers are exact decimals. Each call returns a fresh copy that a test may change.
 */
final class BigCommercePayloads {

    static final String STORE = "globex-bc";
    private static final EventCodec CODEC = new EventCodec();

    private BigCommercePayloads() {
    }

    /** Order 250: registered B2B buyer, EUR, two shipping addresses, a coupon, status 9. */
    static ObjectNode b2bOrder() {
        return load("order-b2b-two-shipping.json");
    }

    /** Order 251: guest checkout, upper-case e-mail with spaces, national phone, status 14. */
    static ObjectNode guestOrder() {
        return load("order-guest-partially-refunded.json");
    }

    /** v3 customer 42 with two addresses. */
    static ObjectNode customer() {
        return load("customer.json");
    }

    /** v3 product 111 with two variants. */
    static ObjectNode product() {
        return load("product.json");
    }

    /** v2 shipment 5 of order 250. */
    static ObjectNode shipment() {
        return load("shipment.json");
    }

    /** v3 refund 9 of order 251. */
    static ObjectNode refund() {
        return load("refund.json");
    }

    /** Encodes (schema-validated) and decodes back, asserting the round trip keeps the value. */
    static <T> void assertValidCanonical(EventType<T> type, T value) {
        byte[] json = CODEC.encode(type, value);
        assertThat(CODEC.decode(type, json)).isEqualTo(value);
    }

    private static ObjectNode load(String name) {
        String resource = "/bigcommerce/" + name;
        try (InputStream in = BigCommercePayloads.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the test class path");
            }
            return (ObjectNode) EventCodec.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
