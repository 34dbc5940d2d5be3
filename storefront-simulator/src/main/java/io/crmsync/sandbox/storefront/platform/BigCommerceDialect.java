package io.crmsync.sandbox.storefront.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmsync.commons.tenant.Platform;
import io.crmsync.commons.tenant.Store;
import io.crmsync.sandbox.storefront.InvalidRequestException;
import io.crmsync.sandbox.storefront.ObjectType;
import io.crmsync.sandbox.storefront.StoredObject;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * BigCommerce: v2 orders keep {@code date_modified} in RFC 2822 and serve their line items,
 * shipping addresses and coupons as sub-resources; v3 customers and products use ISO 8601.
 * Webhooks are thin ({@code scope} + {@code data.id}: the receiver fetches the object back), signed
 * with Standard Webhooks, and retried.
 */
@ApplicationScoped
public class BigCommerceDialect implements PlatformDialect {

    /** Arrays of a v2 order that the API serves under {@code /v2/orders/{id}/{name}} and references as {@code {url, resource}}. */
    public static final List<String> ORDER_SUB_RESOURCES = List.of("products", "shipping_addresses", "coupons");
    /** v2 shipments: {@code /v2/orders/{id}/shipments[/{shipmentId}]}; the v2 order carries no reference to them. */
    public static final String SHIPMENTS = "shipments";
    /** v3 refunds: {@code /v3/orders/{id}/payment_actions/refunds}. */
    public static final String REFUNDS = "refunds";
    /** Every array of a seeded order that is stored apart from it. */
    static final List<String> STORED_APART = List.of("products", "shipping_addresses", "coupons", SHIPMENTS, REFUNDS);

    private final ObjectMapper mapper;

    public BigCommerceDialect(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Platform platform() {
        return Platform.BIGCOMMERCE;
    }

    @Override
    public StoredObject stamp(ObjectType type, String id, ObjectNode body, Instant now, StoredObject previous) {
        boolean v2 = type == ObjectType.ORDERS;
        body.put("date_modified", v2 ? TimeFormats.rfc2822(now) : TimeFormats.iso(now));
        if (!body.hasNonNull("date_created")) {
            Instant created = previous != null ? previous.createdAt() : now;
            body.put("date_created", v2 ? TimeFormats.rfc2822(created) : TimeFormats.iso(created));
        }
        String createdText = body.get("date_created").asText();
        Instant createdAt = TimeFormats.parse(createdText, ZoneOffset.UTC)
                .orElseThrow(() -> new InvalidRequestException("date_created is not a time: " + createdText));
        Map<String, ArrayNode> parts = new HashMap<>(previous == null ? Map.of() : previous.subResources());
        if (v2) {
            for (String name : STORED_APART) {
                JsonNode inline = body.get(name);
                if (inline instanceof ArrayNode array) {
                    parts.put(name, array);
                    body.remove(name);
                }
            }
            stampChildren(parts.get(SHIPMENTS), id, "date_created", TimeFormats.rfc2822(now));
            stampChildren(parts.get(REFUNDS), id, "created", TimeFormats.iso(now));
        }
        return new StoredObject(id, body, createdAt, TimeFormats.seconds(now), parts);
    }

    /** Shipments and refunds belong to their order and are created once: {@code order_id} and a created time when absent. */
    private static void stampChildren(ArrayNode children, String orderId, String createdField, String created) {
        if (children == null) {
            return;
        }
        for (JsonNode child : children) {
            if (child instanceof ObjectNode object) {
                if (!object.hasNonNull("order_id")) {
                    object.put("order_id", Long.parseLong(orderId));
                }
                if (!object.hasNonNull(createdField)) {
                    object.put(createdField, created);
                }
            }
        }
    }

    @Override
    public WebhookEvent event(String storeId, ObjectType type, StoredObject object, boolean created, Instant now) {
        String scope = "store/" + type.singular() + "/" + (created ? "created" : "updated");
        ObjectNode data = mapper.createObjectNode();
        data.put("type", type.singular());
        putId(data, "id", object.id());
        return thinEvent(storeId, scope, object.id(), data, now);
    }

    /**
     * A seeded order's new shipments and refunds: BigCommerce sends {@code store/shipment/created}
     * with {@code data: {type: "shipment", id, orderId}} and {@code store/order/refund/created} with
     * {@code data: {type: "order", id: <order id>, refund: {refund_id}}}.
     */
    @Override
    public List<WebhookEvent> followingEvents(String storeId, ObjectType type, StoredObject previous, StoredObject current,
                                              Instant now) {
        if (type != ObjectType.ORDERS) {
            return List.of();
        }
        List<WebhookEvent> events = new ArrayList<>();
        for (String shipmentId : newChildIds(previous, current, SHIPMENTS)) {
            ObjectNode data = mapper.createObjectNode();
            data.put("type", "shipment");
            putId(data, "id", shipmentId);
            putId(data, "orderId", current.id());
            events.add(thinEvent(storeId, "store/shipment/created", shipmentId, data, now));
        }
        for (String refundId : newChildIds(previous, current, REFUNDS)) {
            ObjectNode data = mapper.createObjectNode();
            data.put("type", "order");
            putId(data, "id", current.id());
            putId(data.putObject("refund"), "refund_id", refundId);
            events.add(thinEvent(storeId, "store/order/refund/created", current.id(), data, now));
        }
        return events;
    }

    private static List<String> newChildIds(StoredObject previous, StoredObject current, String part) {
        Set<String> before = new HashSet<>();
        if (previous != null && previous.subResources().get(part) != null) {
            previous.subResources().get(part).forEach(child -> before.add(child.path("id").asText()));
        }
        List<String> added = new ArrayList<>();
        ArrayNode children = current.subResources().get(part);
        if (children != null) {
            children.forEach(child -> {
                String id = child.path("id").asText("");
                if (!id.isEmpty() && !before.contains(id)) {
                    added.add(id);
                }
            });
        }
        return added;
    }

    private static void putId(ObjectNode node, String field, String id) {
        if (StoredObject.isDigits(id)) {
            node.put(field, Long.parseLong(id));
        } else {
            node.put(field, id);
        }
    }

    private WebhookEvent thinEvent(String storeId, String scope, String objectId, ObjectNode data, Instant now) {
        ObjectNode payload = mapper.createObjectNode();
        payload.put("created_at", now.getEpochSecond());
        payload.put("store_id", String.valueOf(numericStoreId(storeId)));
        payload.put("producer", "stores/" + storeId);
        payload.put("scope", scope);
        payload.put("hash", Signatures.sha1Hex(JsonBytes.of(mapper, data)));
        payload.set("data", data);
        return new WebhookEvent(UUID.randomUUID().toString(), storeId, Platform.BIGCOMMERCE, scope, objectId,
                JsonBytes.of(mapper, payload), now);
    }

    /** BigCommerce's numeric store id beside the store hash; stable for a store. */
    static long numericStoreId(String storeId) {
        CRC32 crc = new CRC32();
        crc.update(storeId.getBytes(StandardCharsets.UTF_8));
        return 1_000_000 + crc.getValue() % 9_000_000;
    }

    /** Standard Webhooks: the message id is the same on every attempt; the timestamp is the attempt's. */
    @Override
    public Map<String, String> headers(Store store, WebhookEvent event, String deliveryId, Instant attemptAt) {
        long timestamp = attemptAt.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("webhook-id", event.eventId());
        headers.put("webhook-timestamp", String.valueOf(timestamp));
        headers.put("webhook-signature",
                Signatures.standardWebhooksSignature(store.webhookSecret(), event.eventId(), timestamp, event.body()));
        return headers;
    }

    @Override
    public boolean retriesFailedDeliveries() {
        return true;
    }
}
