package io.crmsync.sandbox.storefront.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/** The timestamp formats the platforms write, and a lenient reader for the ones clients send back. */
public final class TimeFormats {

    /** Shopify: {@code 2024-04-05T10:15:30-04:00}, in the shop's offset. */
    private static final DateTimeFormatter SHOPIFY = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);
    /** WooCommerce: {@code 2024-04-05T16:15:30} without offset (site-local or GMT by field). */
    private static final DateTimeFormatter WOO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);
    /** BigCommerce v2: RFC 2822, {@code Fri, 05 Apr 2024 14:15:30 +0000}. */
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US);

    /** Adobe Commerce (Magento): {@code 2026-03-01 10:15:30}, always UTC, no zone written. */
    private static final DateTimeFormatter ADOBE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private TimeFormats() {
    }

    /** The platforms show seconds; keeping only those makes filters agree with what clients read. */
    public static Instant seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }

    public static String shopify(Instant instant, ZoneId shopZone) {
        return SHOPIFY.format(instant.atZone(shopZone));
    }

    public static String wooLocal(Instant instant, ZoneId siteZone) {
        return WOO.format(instant.atZone(siteZone));
    }

    public static String wooGmt(Instant instant) {
        return WOO.format(instant.atZone(ZoneOffset.UTC));
    }

    public static String adobe(Instant instant) {
        return ADOBE.format(instant.atZone(ZoneOffset.UTC));
    }

    /** An Adobe Commerce time ({@code 2026-03-01 10:15:30}, UTC); ISO 8601 is read too, as Magento's filters accept it. */
    public static Optional<Instant> parseAdobe(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(value.trim(), ADOBE).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return parse(value, ZoneOffset.UTC);
        }
    }

    public static String rfc2822(Instant instant) {
        return RFC_2822.format(instant.atZone(ZoneOffset.UTC));
    }

    /** BigCommerce v3: ISO 8601 in UTC, {@code 2024-04-05T14:15:30Z}. */
    public static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(seconds(instant));
    }

    /**
     * Reads a time as the platforms accept it in filters: ISO 8601 with or without offset (without
     * one it is in {@code zone}), a bare date (start of that day in {@code zone}), or RFC 2822.
     */
    public static Optional<Instant> parse(String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        try {
            return Optional.of(OffsetDateTime.parse(v).toInstant());
        } catch (DateTimeParseException ignored) {
            // not an ISO time with offset
        }
        try {
            return Optional.of(LocalDateTime.parse(v).atZone(zone).toInstant());
        } catch (DateTimeParseException ignored) {
            // not an ISO local time
        }
        try {
            return Optional.of(LocalDate.parse(v).atStartOfDay(zone).toInstant());
        } catch (DateTimeParseException ignored) {
            // not an ISO date
        }
        try {
            return Optional.of(ZonedDateTime.parse(v, RFC_2822).toInstant());
        } catch (DateTimeParseException ignored) {
            // not RFC 2822 with a numeric zone
        }
        try {
            return Optional.of(ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
