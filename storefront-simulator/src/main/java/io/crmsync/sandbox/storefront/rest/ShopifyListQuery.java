package io.crmsync.sandbox.storefront.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmsync.sandbox.storefront.ObjectType;
import io.crmsync.sandbox.storefront.StoredObject;
import io.crmsync.sandbox.storefront.platform.TimeFormats;
import io.crmsync.sandbox.storefront.service.SortOrder;
import jakarta.ws.rs.core.MultivaluedMap;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The filters and order of a Shopify list call. Shopify fixes them in the first request and
 * carries them inside {@code page_info} afterwards, which is why later pages may not repeat them.
 *
 * @param status orders only: {@code open} (Shopify's default), {@code closed}, {@code cancelled}, {@code any}
 */
record ShopifyListQuery(Instant updatedAtMin, Instant updatedAtMax, Instant createdAtMin, Instant createdAtMax,
                        String sinceId, List<String> ids, String status, SortOrder sort) {

    /** Thrown for a parameter Shopify would refuse; the value is the parameter's name. */
    static final class InvalidParameter extends RuntimeException {
        InvalidParameter(String name) {
            super(name);
        }
    }

    static ShopifyListQuery from(MultivaluedMap<String, String> query, ObjectType type, ZoneId shopZone) {
        return new ShopifyListQuery(
                time(query, "updated_at_min", shopZone), time(query, "updated_at_max", shopZone),
                time(query, "created_at_min", shopZone), time(query, "created_at_max", shopZone),
                digits(query, "since_id"), ids(query),
                type == ObjectType.ORDERS ? Optional.ofNullable(query.getFirst("status")).orElse("open") : query.getFirst("status"),
                sort(query.getFirst("order"), type));
    }

    boolean matches(StoredObject object, ObjectType type) {
        return within(object.updatedAt(), updatedAtMin, updatedAtMax)
                && within(object.createdAt(), createdAtMin, createdAtMax)
                && (sinceId == null || StoredObject.compareIds(object.id(), sinceId) > 0)
                && (ids.isEmpty() || ids.contains(object.id()))
                && statusMatches(object.body(), type);
    }

    private boolean statusMatches(JsonNode body, ObjectType type) {
        if (status == null || status.equals("any")) {
            return true;
        }
        if (type == ObjectType.ORDERS) {
            boolean cancelled = body.hasNonNull("cancelled_at");
            boolean closed = body.hasNonNull("closed_at");
            return switch (status) {
                case "open" -> !cancelled && !closed;
                case "closed" -> closed;
                case "cancelled" -> cancelled;
                default -> false;
            };
        }
        // products: active, archived, draft (comma-separated)
        return Arrays.asList(status.split(",")).contains(body.path("status").asText());
    }

    /** Bounds are inclusive, as Shopify documents them ("at or after", "at or before"). */
    private static boolean within(Instant t, Instant min, Instant max) {
        return (min == null || !t.isBefore(min)) && (max == null || !t.isAfter(max));
    }

    /** Orders list newest first unless told otherwise; customers and products by id. */
    private static SortOrder sort(String order, ObjectType type) {
        SortOrder fallback = type == ObjectType.ORDERS
                ? new SortOrder(SortOrder.Field.CREATED, false) : new SortOrder(SortOrder.Field.ID, true);
        if (order == null || order.isBlank()) {
            return fallback;
        }
        String[] parts = order.trim().toLowerCase(Locale.ROOT).split("[\\s+]+");
        boolean ascending = parts.length < 2 || !parts[1].equals("desc");
        return switch (parts[0]) {
            case "updated_at" -> new SortOrder(SortOrder.Field.UPDATED, ascending);
            case "created_at", "processed_at" -> new SortOrder(SortOrder.Field.CREATED, ascending);
            case "id" -> new SortOrder(SortOrder.Field.ID, ascending);
            default -> fallback;
        };
    }

    private static Instant time(MultivaluedMap<String, String> query, String name, ZoneId zone) {
        String value = query.getFirst(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        return TimeFormats.parse(value, zone).orElseThrow(() -> new InvalidParameter(name));
    }

    private static String digits(MultivaluedMap<String, String> query, String name) {
        String value = query.getFirst(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!StoredObject.isDigits(value.trim())) {
            throw new InvalidParameter(name);
        }
        return value.trim();
    }

    private static List<String> ids(MultivaluedMap<String, String> query) {
        String value = query.getFirst("ids");
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> ids = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (!ids.stream().allMatch(StoredObject::isDigits)) {
            throw new InvalidParameter("ids");
        }
        return ids;
    }

    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        putTime(json, "updated_at_min", updatedAtMin);
        putTime(json, "updated_at_max", updatedAtMax);
        putTime(json, "created_at_min", createdAtMin);
        putTime(json, "created_at_max", createdAtMax);
        if (sinceId != null) {
            json.put("since_id", sinceId);
        }
        if (!ids.isEmpty()) {
            json.put("ids", String.join(",", ids));
        }
        if (status != null) {
            json.put("status", status);
        }
        json.put("order", sort.field().name() + " " + (sort.ascending() ? "asc" : "desc"));
        return json;
    }

    static ShopifyListQuery fromJson(JsonNode json) {
        String[] order = json.path("order").asText("ID asc").split(" ");
        return new ShopifyListQuery(readTime(json, "updated_at_min"), readTime(json, "updated_at_max"),
                readTime(json, "created_at_min"), readTime(json, "created_at_max"),
                json.hasNonNull("since_id") ? json.get("since_id").asText() : null,
                json.hasNonNull("ids") ? List.of(json.get("ids").asText().split(",")) : List.of(),
                json.hasNonNull("status") ? json.get("status").asText() : null,
                new SortOrder(SortOrder.Field.valueOf(order[0]), order.length < 2 || order[1].equals("asc")));
    }

    private static void putTime(ObjectNode json, String name, Instant value) {
        if (value != null) {
            json.put(name, value.toString());
        }
    }

    private static Instant readTime(JsonNode json, String name) {
        return json.hasNonNull(name) ? Instant.parse(json.get(name).asText()) : null;
    }
}
