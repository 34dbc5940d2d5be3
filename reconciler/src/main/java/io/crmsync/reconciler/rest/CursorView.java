package io.crmsync.reconciler.rest;

import io.crmsync.reconciler.PollCursor;

import java.time.Instant;

/** A poll cursor as the admin API shows it. */
public record CursorView(String tenant, String storeId, String objectType, Instant modifiedSince,
                         String lastObjectId, Instant updatedAt) {

    static CursorView of(PollCursor cursor) {
        return new CursorView(cursor.tenant, cursor.storeId, cursor.objectType, cursor.modifiedSince,
                cursor.lastObjectId, cursor.updatedAt);
    }
}
