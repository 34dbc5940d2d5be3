package io.crmsync.reconciler.service;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One object as a storefront's admin API listed it.
 *
 * @param objectType   canonical object type ({@code order}, {@code customer}, ...)
 * @param objectId     the platform's id of the object
 * @param topic        the platform's event name a webhook for this change would carry
 * @param createdAt    when the object was created, if the platform says (decides poll vs backfill)
 * @param updatedAt    the platform's modification time: what the cursor advances on
 * @param updatedAtRaw the modification time exactly as the platform wrote it (part of the delivery id)
 * @param payload      the platform's JSON for the object, unchanged
 */
public record PolledObject(String objectType, String objectId, String topic, Instant createdAt,
                           Instant updatedAt, String updatedAtRaw, JsonNode payload) {
}
