package io.crmsync.normalizer.mapping.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.normalizer.mapping.MappingException;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

import static io.crmsync.normalizer.mapping.JsonFields.text;

/**
 * WooCommerce's timestamps. Every date comes twice: {@code <name>_gmt} in UTC and {@code <name>}
 * in the site's time zone, both written without an offset ({@code 2017-03-22T19:28:08}). The
 * {@code _gmt} one is read as UTC; the site-local one only when {@code _gmt} is absent, and then
 * also as UTC because the payload does not say the site's zone (it can be off by that zone's
 * offset; see the mapping doc). A value that does carry an offset is read with it.
 */
final class WooCommerceTimes {

    private WooCommerceTimes() {
    }

    /** {@code <name>_gmt}, else {@code <name>}, as an instant; null when both are absent. */
    static Instant instant(JsonNode parent, String name) {
        String gmtField = name + "_gmt";
        String gmt = text(parent, gmtField);
        if (gmt != null) {
            return parse(gmt, gmtField);
        }
        String local = text(parent, name);
        return local == null ? null : parse(local, name);
    }

    static Instant requiredInstant(JsonNode parent, String name) {
        Instant instant = instant(parent, name);
        if (instant == null) {
            throw new MappingException("required field '" + name + "_gmt' (or '" + name + "') is missing");
        }
        return instant;
    }

    private static Instant parse(String text, String field) {
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(text.trim());
            ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS))
                    : ZoneOffset.UTC;
            return LocalDateTime.from(parsed).toInstant(offset);
        } catch (DateTimeParseException e) {
            throw new MappingException("field '" + field + "' is not an ISO-8601 date-time", e);
        }
    }
}
