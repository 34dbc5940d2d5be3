package io.crmsync.reconciler;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.contract.EventCodec;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/** The storefront simulator's seeding, inspection and fault surfaces, as a test drives them. */
public final class SimulatorClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    public SimulatorClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Stores the order without sending its webhook (a change the platform never announced); returns it as stored. */
    public JsonNode putOrderSilently(String storeId, String id, String json) {
        return EventCodec.parse(send("PUT", "/_sim/stores/" + storeId + "/orders/" + id + "?notify=false", json)
                .getBytes(StandardCharsets.UTF_8)).path("object");
    }

    /** Stores any object ({@code orders}, {@code customers}, {@code products}) without its webhook. */
    public JsonNode putSilently(String storeId, String type, String id, String json) {
        return EventCodec.parse(send("PUT", "/_sim/stores/" + storeId + "/" + type + "/" + id + "?notify=false", json)
                .getBytes(StandardCharsets.UTF_8)).path("object");
    }

    /** The object exactly as the simulator stores it. */
    public JsonNode get(String storeId, String type, String id) {
        return EventCodec.parse(send("GET", "/_sim/stores/" + storeId + "/" + type + "/" + id, null)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The modification time the simulator stamped on the order. */
    public Instant updatedAt(String storeId, String id) {
        return updatedAt(storeId, "orders", id);
    }

    /** The {@code updated_at} (ISO 8601 with offset: Shopify, BigCommerce v3) the simulator stamped on an object. */
    public Instant updatedAt(String storeId, String type, String id) {
        return OffsetDateTime.parse(get(storeId, type, id).path("updated_at").asText()).toInstant();
    }

    /** The {@code updated_at} the simulator stamped on an Adobe Commerce object, as Adobe writes it ({@code 2026-03-01 10:15:30}, UTC). */
    public Instant adobeUpdatedAt(String storeId, String type, String id) {
        JsonNode object = EventCodec.parse(send("GET", "/_sim/stores/" + storeId + "/" + type + "/" + id, null)
                .getBytes(StandardCharsets.UTF_8));
        return java.time.LocalDateTime.parse(object.path("updated_at").asText().replace(' ', 'T')).toInstant(java.time.ZoneOffset.UTC);
    }

    public void clear(String storeId) {
        send("DELETE", "/_sim/stores/" + storeId, null);
    }

    public void fault(String storeId, String mode) {
        send("POST", "/_sim/faults", "{\"storeId\":\"" + storeId + "\",\"mode\":\"" + mode + "\"}");
    }

    /** Every admin API call of the store answers only after {@code millis} ({@code api-latency}). */
    public void latency(String storeId, long millis) {
        send("POST", "/_sim/faults", "{\"storeId\":\"" + storeId + "\",\"mode\":\"api-latency\",\"millis\":" + millis + "}");
    }

    public void rateLimit(String storeId, int requests, int perSeconds) {
        send("POST", "/_sim/faults", "{\"storeId\":\"" + storeId + "\",\"mode\":\"api-rate-limit\",\"requests\":"
                + requests + ",\"perSeconds\":" + perSeconds + "}");
    }

    private String send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10));
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * An Adobe Commerce order as {@code GET /rest/V1/orders} answers it (our own test data from
     * Adobe's documented sales order shape): billing address on the order, shipping address in the
     * shipping assignments.
     */
    public static String adobeOrder(String id, String createdAt) {
        return """
                {"entity_id": %s, "increment_id": "0000%s", "state": "processing", "status": "processing",
                 "created_at": "%s", "order_currency_code": "EUR", "subtotal": 49.9, "discount_amount": 0,
                 "shipping_amount": 5, "tax_amount": 0, "grand_total": 54.9, "total_paid": 54.9,
                 "customer_id": 7, "customer_is_guest": 0, "customer_email": "buyer%s@example.com",
                 "customer_firstname": "Zoë", "customer_lastname": "Müller",
                 "items": [{"item_id": %s1, "product_id": 9, "sku": "MUG-BLUE", "name": "Mug", "qty_ordered": 1,
                            "qty_shipped": 0, "price": 49.9, "row_total": 49.9, "discount_amount": 0}],
                 "billing_address": {"address_type": "billing", "firstname": "Zoë", "lastname": "Müller",
                                     "street": ["Hauptstraße 1"], "city": "Berlin", "postcode": "10115",
                                     "country_id": "DE", "telephone": "030 1234567", "email": "buyer%s@example.com"},
                 "extension_attributes": {"shipping_assignments": [{"shipping": {"address": {
                     "address_type": "shipping", "firstname": "Zoë", "lastname": "Müller", "street": ["Hauptstraße 1"],
                     "city": "Berlin", "postcode": "10115", "country_id": "DE"}}}]}}
                """.formatted(id, id, createdAt, id, id, id);
    }

    /** A Shopify customer as the Admin REST API 2024-04 documents it (our own test data). */
    public static String shopifyCustomer(String id, String createdAt) {
        return """
                {"id": %s, "email": "customer%s@example.com", "first_name": "Grace", "last_name": "Hopper",
                 "created_at": "%s", "state": "enabled", "verified_email": true, "phone": "+16135550135",
                 "currency": "USD", "tags": "", "addresses": [], "default_address": null,
                 "email_marketing_consent": {"state": "not_subscribed", "opt_in_level": "single_opt_in",
                                             "consent_updated_at": null}}
                """.formatted(id, id, createdAt);
    }

    /** A Shopify product as the Admin REST API 2024-04 documents it (our own test data). */
    public static String shopifyProduct(String id, String createdAt) {
        return """
                {"id": %s, "title": "Mug", "handle": "mug-%s", "vendor": "Acme", "product_type": "Kitchen",
                 "status": "active", "created_at": "%s", "tags": "",
                 "variants": [{"id": %s01, "product_id": %s, "title": "Blue", "sku": "MUG-BLUE", "price": "25.00",
                               "position": 1}]}
                """.formatted(id, id, createdAt, id, id);
    }

    /** A Shopify order as the Admin REST API 2024-04 documents it (our own test data). */
    public static String order(String id, String createdAt) {
        return """
                {"id": %s, "name": "#%s", "order_number": %s, "email": "buyer%s@example.com",
                 "created_at": "%s", "currency": "USD", "subtotal_price": "25.00", "total_tax": "0.00",
                 "total_discounts": "0.00", "total_price": "25.00", "financial_status": "paid",
                 "fulfillment_status": null, "cancelled_at": null, "closed_at": null,
                 "line_items": [{"id": %s01, "product_id": 632910392, "variant_id": 808950810, "sku": "MUG-BLUE",
                                 "title": "Mug", "variant_title": "Blue", "quantity": 1, "price": "25.00"}],
                 "customer": {"id": 9%s, "email": "buyer%s@example.com", "first_name": "Ada", "last_name": "Buyer"}}
                """.formatted(id, id, id, id, createdAt, id, id, id);
    }
}
