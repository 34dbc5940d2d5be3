package io.crmsync.reconciler.backfill;

import io.crmsync.reconciler.service.CursorPosition;

import java.time.Instant;

/**
 * One backfill: the history of one object type of one store, from {@code since}.
 *
 * @param position how far it got: the newest modification time published and the tie-breaking id
 * @param status   {@code running}, {@code done} or {@code failed} (with {@code lastError})
 */
public record BackfillJob(String id, String tenant, String storeId, String objectType, Instant since,
                          CursorPosition position, String status, long published, String lastError,
                          String requestedBy, Instant createdAt, Instant updatedAt) {

    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";
}
