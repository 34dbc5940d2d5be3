package io.crmsync.dedup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A storefront object (order, customer) as far as this service has applied it: the newest
 * source {@code updatedAt} taken, and the golden contact it resolved to.
 */
@Entity
@Table(name = "source_entity")
public class SourceEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "tenant", nullable = false)
    private String tenant;

    @Column(name = "platform", nullable = false)
    private String platform;

    @Column(name = "store_id", nullable = false)
    private String storeId;

    @Column(name = "object_type", nullable = false)
    private String objectType;

    @Column(name = "object_id", nullable = false)
    private String objectId;

    @Column(name = "last_updated_at")
    private Instant lastUpdatedAt;

    @Column(name = "last_observed_at")
    private Instant lastObservedAt;

    @Column(name = "last_fingerprint")
    private String lastFingerprint;

    @Column(name = "golden_key")
    private String goldenKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "changed_at")
    private Instant changedAt;

    protected SourceEntity() {
    }

    /**
     * Older than the newest state applied: an earlier {@code updatedAt}, or the same one (stores give
     * whole seconds) seen current earlier. With no observation time on either side a tie is not
     * stale (same-second edits).
     */
    public boolean isStale(Instant updatedAt, Instant observedAt) {
        if (lastUpdatedAt == null || updatedAt == null) {
            return false;
        }
        if (!updatedAt.equals(lastUpdatedAt)) {
            return updatedAt.isBefore(lastUpdatedAt);
        }
        return observedAt != null && lastObservedAt != null && observedAt.isBefore(lastObservedAt);
    }

    /** Whether this content is the state last applied. */
    public boolean holds(String fingerprint) {
        return fingerprint.equals(lastFingerprint);
    }

    /** Takes a state that is not stale as the newest applied. */
    public void advance(Instant updatedAt, Instant observedAt, String fingerprint, Instant now) {
        if (updatedAt != null && (lastUpdatedAt == null || updatedAt.isAfter(lastUpdatedAt))) {
            lastUpdatedAt = updatedAt;
            lastObservedAt = observedAt;
        } else if (observedAt != null && (lastObservedAt == null || observedAt.isAfter(lastObservedAt))) {
            lastObservedAt = observedAt;
        }
        lastFingerprint = fingerprint;
        changedAt = now;
    }

    public void resolvedTo(String goldenKey) {
        this.goldenKey = goldenKey;
    }
}
