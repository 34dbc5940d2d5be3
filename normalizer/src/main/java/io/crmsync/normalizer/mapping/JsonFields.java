package io.crmsync.normalizer.mapping;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Null-safe reads of platform JSON: absent, JSON null and blank text all read as {@code null}. */
public final class JsonFields {

    private JsonFields() {
    }

    public static boolean present(JsonNode parent, String field) {
        JsonNode node = parent == null ? null : parent.get(field);
        return node != null && !node.isNull() && !(node.isTextual() && node.asText().isBlank());
    }

    /** The text as the platform wrote it (not trimmed), or null when absent or blank. */
    public static String text(JsonNode parent, String field) {
        return present(parent, field) ? parent.get(field).asText() : null;
    }

    /** An object member, or null when absent or not an object. */
    public static JsonNode object(JsonNode parent, String field) {
        JsonNode node = parent == null ? null : parent.get(field);
        return node != null && node.isObject() ? node : null;
    }

    /** A platform id (number or string) as text, or null. */
    public static String id(JsonNode parent, String field) {
        return text(parent, field);
    }

    public static String requiredId(JsonNode parent, String field) {
        String id = id(parent, field);
        if (id == null) {
            throw new MappingException("required field '" + field + "' is missing");
        }
        return id;
    }

    /** An ISO-8601 timestamp with offset ({@code 2008-01-10T11:00:00-05:00}) as an instant, or null. */
    public static Instant instant(JsonNode parent, String field) {
        String text = text(parent, field);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new MappingException("field '" + field + "' is not an ISO-8601 timestamp with offset", e);
        }
    }

    public static Instant requiredInstant(JsonNode parent, String field) {
        Instant instant = instant(parent, field);
        if (instant == null) {
            throw new MappingException("required field '" + field + "' is missing");
        }
        return instant;
    }

    /** A whole number, or null when absent; text such as {@code "2"} is accepted. */
    public static Integer integer(JsonNode parent, String field) {
        if (!present(parent, field)) {
            return null;
        }
        JsonNode node = parent.get(field);
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        try {
            return Integer.valueOf(node.asText().trim());
        } catch (NumberFormatException e) {
            throw new MappingException("field '" + field + "' is not a whole number", e);
        }
    }

    /** A count of items: a whole number, zero or more. {@code what} names the element for the error. */
    public static int requiredQuantity(JsonNode item, String field, String what) {
        Integer quantity = integer(item, field);
        if (quantity == null || quantity < 0) {
            throw new MappingException(what + " '" + field + "' is missing or negative");
        }
        return quantity;
    }

    /** The first argument that is not null, or null. */
    @SafeVarargs
    public static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
