package io.crmsync.reconciler.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Where a store's poll of one object type got to: the newest modification time it has published,
 * and among the objects modified in that same instant, the highest id (the tie-breaker a later
 * keyset poll resumes after).
 *
 * @param lastObjectId null until an object was seen
 */
public record CursorPosition(Instant modifiedSince, String lastObjectId) {

    public CursorPosition {
        Objects.requireNonNull(modifiedSince, "modifiedSince");
    }

    /**
     * A store never polled starts at the tenant's go-live date: what changed before it is history,
     * which the backfill command (not the poll) brings in.
     */
    public static CursorPosition initial(LocalDate liveSince) {
        return new CursorPosition(liveSince.atStartOfDay(ZoneOffset.UTC).toInstant(), null);
    }

    /** The {@code updated_at_min} of the next poll: the cursor minus the overlap. */
    public Instant pollFrom(Duration overlap) {
        return modifiedSince.minus(overlap);
    }

    /**
     * The position after an object was published: moves to a later modification time, keeps the
     * higher id on a tie, and never moves back (the overlap re-reads older objects).
     */
    public CursorPosition advance(Instant updatedAt, String objectId) {
        int byTime = updatedAt.compareTo(modifiedSince);
        if (byTime > 0) {
            return new CursorPosition(updatedAt, objectId);
        }
        if (byTime == 0 && (lastObjectId == null || ObjectIds.compare(objectId, lastObjectId) > 0)) {
            return new CursorPosition(modifiedSince, objectId);
        }
        return this;
    }
}
