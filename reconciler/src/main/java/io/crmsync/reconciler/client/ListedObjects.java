package io.crmsync.reconciler.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.commons.tenant.Store;
import io.crmsync.reconciler.service.PolledObject;
import io.crmsync.reconciler.service.SourceUnavailableException;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Turns the items of a listed page into {@link PolledObject}s, reading each platform's date format. */
final class ListedObjects {

    private static final Logger LOG = Logger.getLogger(ListedObjects.class);

    /** WooCommerce {@code *_gmt} fields: ISO local date-time, UTC, no offset. */
    static final Function<String, Optional<Instant>> WOO_GMT = text -> parse(text,
            t -> LocalDateTime.parse(t).toInstant(ZoneOffset.UTC));
    /** BigCommerce v2: RFC 2822 ({@code Sun, 22 Nov 2026 15:28:05 +0000}). */
    static final Function<String, Optional<Instant>> RFC_2822 = text -> parse(text,
            t -> ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    /** BigCommerce v3: ISO 8601 with offset. */
    static final Function<String, Optional<Instant>> ISO_OFFSET = text -> parse(text,
            t -> OffsetDateTime.parse(t).toInstant());

    private ListedObjects() {
    }

    /** @throws SourceUnavailableException when the page is not a JSON array (the documented shape) */
    static JsonNode requireArray(Store store, String what, JsonNode items) {
        if (items == null || !items.isArray()) {
            throw new SourceUnavailableException("admin API of " + store.id() + " answered " + what + " without a JSON array");
        }
        return items;
    }

    /** The items carrying an id and a readable modification time; others are logged (never their content) and left out. */
    static List<PolledObject> read(Store store, JsonNode items, String objectType, String topic, String updatedField,
                                   String createdField, Function<String, Optional<Instant>> dates) {
        List<PolledObject> objects = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            String id = item.path("id").asText("");
            String updatedRaw = item.path(updatedField).asText("");
            Optional<Instant> updatedAt = dates.apply(updatedRaw);
            if (id.isEmpty() || updatedAt.isEmpty()) {
                LOG.warnf("store %s listed a %s without a usable id or %s; left out", store.id(), objectType, updatedField);
                continue;
            }
            Instant createdAt = dates.apply(item.path(createdField).asText("")).orElse(null);
            objects.add(new PolledObject(objectType, id, topic, createdAt, updatedAt.get(), updatedRaw, item));
        }
        return objects;
    }

    private static Optional<Instant> parse(String text, Function<String, Instant> parser) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(text.trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
