package io.crmsync.dedup;

import io.crmsync.contract.CloudEventHeaders;
import io.crmsync.contract.EventCodec;
import io.crmsync.contract.EventType;
import io.crmsync.contract.Origin;
import io.crmsync.contract.Topics;
import io.crmsync.contract.model.Address;
import io.crmsync.contract.model.Company;
import io.crmsync.contract.model.Consent;
import io.crmsync.contract.model.Customer;
import io.crmsync.contract.model.Order;
import io.crmsync.contract.model.OrderLine;
import io.crmsync.contract.model.OrderStatus;
import io.crmsync.contract.model.OrderTotals;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.testkit.TestTenants;
import io.crmsync.testkit.TopicProbe;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Canonical v1 events as the normalizer emits them, written from the contract (not from a
 * platform payload: the normalizer owns that mapping), and a sender that publishes them with the
 * CloudEvents binary-mode headers the normalizer writes.
 */
final class NormalizedEvents {

    static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    static final Instant T2 = Instant.parse("2026-03-01T11:00:00Z");
    static final String SHOPIFY = "shopify";
    static final String WOO = "woocommerce";

    private static final EventCodec CODEC = new EventCodec();

    private NormalizedEvents() {
    }

    /** A numeric id no other test uses, as the platforms' ids are. */
    static String newId() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    }

    /**
     * A customer named Müller whose phone is derived from the email (else the customer id): the
     * same person gets the same phone, two test persons practically never do, so the
     * phone + last name rule joins only whom a test means to join.
     */
    static Customer customer(String platform, String storeId, String customerId, String emailRaw, String firstName,
                             Instant updatedAt) {
        return customer(platform, storeId, customerId, emailRaw, firstName, "Müller",
                phoneOf(emailRaw != null ? emailRaw.strip().toLowerCase() : customerId), updatedAt);
    }

    static Customer customer(String platform, String storeId, String customerId, String emailRaw, String firstName,
                             String lastName, String phone, Instant updatedAt) {
        String email = emailRaw == null ? null : emailRaw.strip().toLowerCase();
        return new Customer(new SourceRef(platform, storeId, "customer", customerId), email, emailRaw, phone,
                phone, firstName, lastName, Consent.unknown(), List.of(), T1, updatedAt, null, null);
    }

    /** A Berlin number (E.164) derived from {@code seed}; random without one. */
    static String phoneOf(String seed) {
        long digits = seed == null ? ThreadLocalRandom.current().nextLong(1_000_000_000L)
                : Math.floorMod(seed.hashCode(), 1_000_000_000L);
        return String.format("+4930%09d", digits);
    }

    /** The same customer as an upstream that left the email un-normalised would send it: raw only. */
    static Customer withRawEmailOnly(Customer c) {
        return new Customer(c.source(), null, c.emailRaw(), c.phone(), c.phoneRaw(), c.firstName(), c.lastName(),
                c.emailMarketingConsent(), c.addresses(), c.createdAt(), c.updatedAt(), c.sourceVersion(), c.company());
    }

    static Order order(String platform, String storeId, String orderId, Customer customer, OrderStatus status,
                       Instant updatedAt, String sourceVersion) {
        Address billing = new Address("Zoë", "Müller", null, "1 Market St", null, "San Francisco", "CA", "94105", "US",
                "+14155550123", "(415) 555-0123");
        return new Order(new SourceRef(platform, storeId, "order", orderId), "#" + orderId, status,
                "paid/unfulfilled", new OrderTotals("USD", "100.00", "0.00", "5.00", "8.50", "113.50"),
                List.of(new OrderLine("1", "p-1", "v-1", "SKU-1", "Mug", "blue", 2, "50.00", "100.00")),
                customer, List.of(billing), List.of(billing), T1, updatedAt, sourceVersion, null);
    }

    /** The order placed for a business (B2B). */
    static Order withCompany(Order o, Company company) {
        return new Order(o.source(), o.orderNumber(), o.status(), o.sourceStatus(), o.totals(), o.lines(), o.customer(),
                o.billingAddresses(), o.shippingAddresses(), o.createdAt(), o.updatedAt(), o.sourceVersion(), company);
    }

    static Order shopifyOrder(String orderId, Customer customer, Instant updatedAt) {
        return order(SHOPIFY, TestTenants.ACME_SHOPIFY, orderId, customer, OrderStatus.PAID, updatedAt, null);
    }

    /** A fixed envelope, so sending the same one again is a redelivery of the same event. */
    record Envelope(String id, String tenant, Origin origin, String traceparent, String deliveryId, Instant observedAt) {

        static Envelope webhook() {
            return of(Origin.WEBHOOK);
        }

        static Envelope of(Origin origin) {
            return new Envelope(UUID.randomUUID().toString(), TestTenants.ACME, origin,
                    "00-" + hex(32) + "-" + hex(16) + "-01", null, null);
        }

        /** A new event (own ce_id) derived from the platform delivery {@code deliveryId}. */
        static Envelope ofDelivery(String deliveryId) {
            Envelope fresh = webhook();
            return new Envelope(fresh.id(), fresh.tenant(), fresh.origin(), fresh.traceparent(), deliveryId, null);
        }

        /** A new event whose state was seen current at the store at {@code at} ({@code ce_observedat}). */
        static Envelope observed(Origin origin, Instant at) {
            Envelope fresh = of(origin);
            return new Envelope(fresh.id(), fresh.tenant(), origin, fresh.traceparent(), null, at);
        }

        String traceId() {
            return traceparent.split("-")[1];
        }
    }

    static void send(String bootstrap, Order order, Envelope envelope) {
        send(bootstrap, EventType.ORDER_NORMALIZED, order, order.source(), envelope);
    }

    static void send(String bootstrap, Customer customer, Envelope envelope) {
        send(bootstrap, EventType.CUSTOMER_NORMALIZED, customer, customer.source(), envelope);
    }

    static void sendRaw(String bootstrap, String ceType, byte[] value, Envelope envelope) {
        TopicProbe.send(bootstrap, Topics.ENTITY_NORMALIZED, envelope.tenant() + "/raw/" + envelope.id(), value,
                headers(ceType, envelope));
    }

    private static <T> void send(String bootstrap, EventType<T> type, T data, SourceRef source, Envelope envelope) {
        String key = envelope.tenant() + "/" + source.objectType() + "/" + source.objectId();
        TopicProbe.send(bootstrap, Topics.ENTITY_NORMALIZED, key, CODEC.encode(type, data), headers(type.name(), envelope));
    }

    private static Map<String, String> headers(String ceType, Envelope envelope) {
        Map<String, String> headers = new HashMap<>();
        headers.put(CloudEventHeaders.ID, envelope.id());
        headers.put(CloudEventHeaders.TYPE, ceType);
        headers.put(CloudEventHeaders.SOURCE, "/crm-sync/normalizer");
        headers.put(CloudEventHeaders.SPECVERSION, "1.0");
        headers.put(CloudEventHeaders.TIME, "2026-03-01T11:00:01Z");
        headers.put(CloudEventHeaders.TENANT, envelope.tenant());
        headers.put(CloudEventHeaders.ORIGIN, envelope.origin().wire());
        headers.put(CloudEventHeaders.TRACEPARENT, envelope.traceparent());
        if (envelope.deliveryId() != null) {
            headers.put(CloudEventHeaders.DELIVERY_ID, envelope.deliveryId());
        }
        if (envelope.observedAt() != null) {
            headers.put(CloudEventHeaders.OBSERVED_AT, envelope.observedAt().toString());
        }
        headers.put("content-type", "application/json");
        return headers;
    }

    private static String hex(int length) {
        StringBuilder s = new StringBuilder();
        while (s.length() < length) {
            s.append(Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE));
        }
        return s.substring(0, length);
    }
}
