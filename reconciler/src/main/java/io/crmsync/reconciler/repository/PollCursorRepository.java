package io.crmsync.reconciler.repository;

import io.crmsync.reconciler.PollCursor;
import io.crmsync.reconciler.service.CursorPosition;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The poll cursors, one per tenant, store and object type. */
@ApplicationScoped
public class PollCursorRepository implements PanacheRepositoryBase<PollCursor, PollCursor.Key> {

    @Transactional
    public Optional<CursorPosition> position(String tenant, String storeId, String objectType) {
        return findByIdOptional(new PollCursor.Key(tenant, storeId, objectType))
                .map(c -> new CursorPosition(c.modifiedSince, c.lastObjectId));
    }

    /** Creates or moves the cursor; called only after everything up to {@code position} is durable. */
    @Transactional
    public void save(String tenant, String storeId, String objectType, CursorPosition position) {
        PollCursor existing = findById(new PollCursor.Key(tenant, storeId, objectType));
        PollCursor cursor = existing != null ? existing : new PollCursor();
        cursor.tenant = tenant;
        cursor.storeId = storeId;
        cursor.objectType = objectType;
        cursor.modifiedSince = position.modifiedSince();
        cursor.lastObjectId = position.lastObjectId();
        cursor.updatedAt = Instant.now();
        if (existing == null) {
            persist(cursor);
        }
    }

    @Transactional
    public List<PollCursor> listOrdered() {
        return listAll(Sort.by("tenant").and("storeId").and("objectType"));
    }
}
