package io.crmsync.normalizer.mapping.bigcommerce;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.normalizer.mapping.JsonFields;
import io.crmsync.normalizer.mapping.MappingException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * BigCommerce's two date formats: the v2 API (orders, shipments) writes RFC 2822
 * ({@code Tue, 20 Nov 2012 00:00:00 +0000}), the v3 API (customers, products, refunds) ISO 8601
 * with an offset ({@code 2026-03-01T09:16:02Z}). Both become UTC instants; a blank string (v2
 * writes {@code ""} for a date that has not happened, e.g. {@code date_shipped}) reads as absent.
 */
final class BigCommerceDates {

    private BigCommerceDates() {
    }

    /** A v2 RFC 2822 date, or null when absent or blank. */
    static Instant rfc2822(JsonNode parent, String field) {
        String text = JsonFields.text(parent, field);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new MappingException("field '" + field + "' is not an RFC 2822 date", e);
        }
    }

    static Instant requiredRfc2822(JsonNode parent, String field) {
        return required(rfc2822(parent, field), field);
    }

    /** A v3 ISO 8601 date with offset, or null when absent or blank. */
    static Instant iso(JsonNode parent, String field) {
        return JsonFields.instant(parent, field);
    }

    static Instant requiredIso(JsonNode parent, String field) {
        return required(iso(parent, field), field);
    }

    private static Instant required(Instant instant, String field) {
        if (instant == null) {
            throw new MappingException("required field '" + field + "' is missing");
        }
        return instant;
    }
}
