package io.crmsync.sourceapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmsync.commons.tenant.Platform;
import io.crmsync.commons.tenant.Store;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;

/**
 * BigCommerce, whose webhooks carry only the scope and the id. The agreed shapes:
 * <ul>
 *   <li>order: the v2 order with {@code products}, {@code shipping_addresses} and {@code coupons}
 *       inlined as arrays (BigCommerce serves them as {@code {url, resource}} references);</li>
 *   <li>customer: {@code data[0]} of v3 {@code customers?id:in=&include=addresses};</li>
 *   <li>product: {@code data} of v3 {@code catalog/products/{id}?include=variants};</li>
 *   <li>fulfillment: the v2 shipment, its order id from the webhook's {@code data.orderId};</li>
 *   <li>refund: the element of v3 {@code orders/{id}/payment_actions/refunds} with the refund's id.</li>
 * </ul>
 */
@ApplicationScoped
public class BigCommerceObjectReader implements SourceObjectReader {

    static final List<String> ORDER_PARTS = List.of("products", "shipping_addresses", "coupons");
    private static final String TOKEN = "accessToken";

    private final SourceCalls calls;

    public BigCommerceObjectReader(SourceCalls calls) {
        this.calls = calls;
    }

    @Override
    public Platform platform() {
        return Platform.BIGCOMMERCE;
    }

    @Override
    public Set<String> objectTypes() {
        return Set.of("order", "customer", "product", "fulfillment", "refund");
    }

    @Override
    public JsonNode read(Store store, String objectType, String objectId, JsonNode thinPayload) {
        String token = AdminCredentials.require(store, TOKEN);
        return switch (objectType) {
            case "order" -> order(store, objectId, token);
            case "customer" -> customer(store, objectId, token);
            case "product" -> data(store, "v3 product", calls.get(store, BigCommerceAdminApi.class, "v3 product",
                    api -> api.product(objectId, "variants", token)));
            case "fulfillment" -> {
                String orderId = orderId(thinPayload, "shipment");
                yield object(store, "v2 shipment", calls.get(store, BigCommerceAdminApi.class, "v2 shipment",
                        api -> api.shipment(orderId, objectId, token)));
            }
            case "refund" -> refund(store, objectId, orderId(thinPayload, "refund"), token);
            default -> throw new SourceNotConfiguredException("no bigcommerce fetch-back for object type " + objectType);
        };
    }

    private ObjectNode order(Store store, String id, String token) {
        ObjectNode order = object(store, "v2 order", calls.get(store, BigCommerceAdminApi.class, "v2 order",
                api -> api.order(id, token)));
        for (String part : ORDER_PARTS) {
            SourceCalls.Answer answer = calls.get(store, BigCommerceAdminApi.class, "v2 order " + part,
                    api -> api.orderPart(id, part, token));
            JsonNode items = answer.body();
            if (items != null && !items.isArray()) {
                throw new SourceUnavailableException("store " + store.id() + " answered v2 order " + part + " without an array");
            }
            order.set(part, items == null ? JsonNodeFactory.instance.arrayNode() : items);
        }
        return order;
    }

    private JsonNode customer(Store store, String id, String token) {
        JsonNode data = data(store, "v3 customer", calls.get(store, BigCommerceAdminApi.class, "v3 customer",
                api -> api.customers(id, "addresses", token)));
        if (!data.isArray()) {
            throw new SourceUnavailableException("store " + store.id() + " answered v3 customers without a data array");
        }
        if (data.isEmpty()) {
            throw new SourceObjectNotFoundException("v3 customer not found in store " + store.id());
        }
        return data.get(0);
    }

    private JsonNode refund(Store store, String refundId, String orderId, String token) {
        JsonNode data = data(store, "v3 refunds", calls.get(store, BigCommerceAdminApi.class, "v3 refunds",
                api -> api.refunds(orderId, token)));
        if (data instanceof ArrayNode refunds) {
            for (JsonNode refund : refunds) {
                if (refund.path("id").asText().equals(refundId)) {
                    return refund;
                }
            }
            throw new SourceObjectNotFoundException("v3 refund not found among its order's refunds in store " + store.id());
        }
        throw new SourceUnavailableException("store " + store.id() + " answered v3 refunds without a data array");
    }

    /**
     * The order a shipment or refund belongs to: {@code data.orderId} of a shipment webhook,
     * {@code data.id} of an order-scoped webhook ({@code store/order/refund/created}), or
     * {@code order_id} of a full object (a polled shipment or refund).
     */
    static String orderId(JsonNode payload, String what) {
        JsonNode data = payload == null ? null : payload.path("data");
        String id = data == null ? "" : data.path("orderId").asText("");
        if (id.isEmpty() && data != null && "order".equals(data.path("type").asText())) {
            id = data.path("id").asText("");
        }
        if (id.isEmpty() && payload != null) {
            id = payload.path("order_id").asText("");
        }
        if (id.isEmpty() || !id.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("bigcommerce " + what + " payload has no order id (data.orderId, data.id or order_id)");
        }
        return id;
    }

    private static ObjectNode object(Store store, String what, SourceCalls.Answer answer) {
        if (answer.body() instanceof ObjectNode object) {
            return object;
        }
        throw new SourceUnavailableException("store " + store.id() + " answered " + what + " without a JSON object");
    }

    private static JsonNode data(Store store, String what, SourceCalls.Answer answer) {
        JsonNode data = answer.body() == null ? null : answer.body().get("data");
        if (data == null || data.isNull()) {
            throw new SourceUnavailableException("store " + store.id() + " answered " + what + " without 'data'");
        }
        return data;
    }
}
