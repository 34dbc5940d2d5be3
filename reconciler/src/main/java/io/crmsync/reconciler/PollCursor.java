package io.crmsync.reconciler;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** How far the poll of one object type of one store has got (table {@code poll_cursor}). */
@Entity
@Table(name = "poll_cursor")
@IdClass(PollCursor.Key.class)
public class PollCursor {

    @Id
    @Column(name = "tenant")
    public String tenant;

    @Id
    @Column(name = "store_id")
    public String storeId;

    @Id
    @Column(name = "object_type")
    public String objectType;

    /** The newest platform modification time published; the next poll starts at this minus the overlap. */
    @Column(name = "modified_since", nullable = false)
    public Instant modifiedSince;

    /** Highest object id modified at {@link #modifiedSince}: the tie-breaker. */
    @Column(name = "last_object_id")
    public String lastObjectId;

    /** When this row was last written. */
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public record Key(String tenant, String storeId, String objectType) implements Serializable {
    }
}
