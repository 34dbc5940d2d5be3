package io.crmsync.writer.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Parsing of admin query parameters and body fields. Parameters arrive as strings so that a
 * malformed value answers 400 with its name, not JAX-RS's bare 404.
 */
public final class AdminParams {

    private AdminParams() {
    }

    /** Every admin request names its tenant; data of other tenants is never answered. */
    public static String tenant(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidAdminRequestException("tenant is required");
        }
        return value.strip();
    }

    /** Null for an absent or blank value. */
    public static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** An ISO-8601 instant ({@code 2026-01-05T10:00:00Z}, an offset instead of {@code Z} too); null if absent. */
    public static Instant instant(String name, String value) {
        String text = optional(value);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException again) {
                throw new InvalidAdminRequestException(name + " must be an ISO-8601 instant such as 2026-01-05T10:00:00Z");
            }
        }
    }

    public static Instant requiredInstant(String name, String value) {
        Instant instant = instant(name, value);
        if (instant == null) {
            throw new InvalidAdminRequestException(name + " is required");
        }
        return instant;
    }

    /** A time range {@code [from, to)}; either end may be open (null). */
    public static void range(Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidAdminRequestException("from must be before to");
        }
    }

    public static int limit(String value, int defaultLimit, int max) {
        String text = optional(value);
        if (text == null) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidAdminRequestException("limit must be a number from 1 to " + max);
    }

    /** A positive id, or null if absent. */
    public static Long id(String name, String value) {
        String text = optional(value);
        if (text == null) {
            return null;
        }
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidAdminRequestException(name + " must be an id from a previous page");
    }
}
