package io.crmsync.dedup;

import io.crmsync.contract.model.SourceRef;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A value a commerce source proposed for a {@code manual-review} field of a golden contact that
 * differs from the value another source set: the golden value was kept and the proposal waits
 * here for an operator. Written only through {@code ReviewItemRepository#recordOpen}, which keeps
 * one open item per proposal. Values are personal data: never logged.
 */
@Entity
@Table(name = "review_item")
public class ReviewItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "tenant", nullable = false)
    private String tenant;

    @Column(name = "golden_key", nullable = false)
    private String goldenKey;

    @Column(name = "field", nullable = false)
    private String field;

    @Column(name = "current_value")
    private String currentValue;

    @Column(name = "proposed_value", nullable = false)
    private String proposedValue;

    @Column(name = "proposed_by", nullable = false)
    private String proposedBy;

    @Column(name = "source_platform", nullable = false)
    private String sourcePlatform;

    @Column(name = "source_store_id", nullable = false)
    private String sourceStoreId;

    @Column(name = "source_object_type", nullable = false)
    private String sourceObjectType;

    @Column(name = "source_object_id")
    private String sourceObjectId;

    @Column(name = "source_updated_at")
    private Instant sourceUpdatedAt;

    @Column(name = "event_id", nullable = false)
    private String eventId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private ReviewStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "resolved_by")
    private String resolvedBy;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    protected ReviewItem() {
    }

    public void resolve(ReviewStatus decision, String resolver, Instant now) {
        if (status != ReviewStatus.OPEN || decision == ReviewStatus.OPEN) {
            throw new IllegalStateException("review item " + id + " is " + status + ", cannot become " + decision);
        }
        this.status = decision;
        this.resolvedBy = resolver;
        this.resolvedAt = now;
    }

    /** The proposing source's record, as the emitted command names its source. */
    public SourceRef source() {
        return new SourceRef(sourcePlatform, sourceStoreId, sourceObjectType, sourceObjectId);
    }

    public Long id() {
        return id;
    }

    public String tenant() {
        return tenant;
    }

    public String goldenKey() {
        return goldenKey;
    }

    public String field() {
        return field;
    }

    public String currentValue() {
        return currentValue;
    }

    public String proposedValue() {
        return proposedValue;
    }

    public String proposedBy() {
        return proposedBy;
    }

    public Instant sourceUpdatedAt() {
        return sourceUpdatedAt;
    }

    public String eventId() {
        return eventId;
    }

    public ReviewStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String resolvedBy() {
        return resolvedBy;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }
}
