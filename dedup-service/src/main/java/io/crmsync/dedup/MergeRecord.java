package io.crmsync.dedup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Two golden contacts found to be one person: {@code mergedKey} was retired into
 * {@code survivorKey} because of {@code reason}, shown by event {@code eventId}. The links it
 * re-pointed are in {@code merge_moved_link}; with the survivor's fields around the merge they are
 * what an undo needs.
 */
@Entity
@Table(name = "merge_record")
public class MergeRecord {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "tenant", nullable = false)
    private String tenant;

    @Column(name = "survivor_key", nullable = false)
    private String survivorKey;

    @Column(name = "merged_key", nullable = false)
    private String mergedKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason", nullable = false)
    private LinkReason reason;

    @Column(name = "event_id", nullable = false)
    private String eventId;

    @Column(name = "merged_at", nullable = false)
    private Instant mergedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "survivor_before", nullable = false, columnDefinition = "jsonb")
    private Map<String, String> survivorBefore;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "survivor_after", nullable = false, columnDefinition = "jsonb")
    private Map<String, String> survivorAfter;

    @Column(name = "undone_at")
    private Instant undoneAt;

    @Column(name = "undone_by")
    private String undoneBy;

    protected MergeRecord() {
    }

    /** A merge about to happen; {@link #survivorAfter} is set once the survivor holds its final fields. */
    public MergeRecord(String tenant, GoldenContact survivor, GoldenContact merged, LinkReason reason, String eventId,
                       Instant now) {
        this.id = "mg-" + UUID.randomUUID();
        this.tenant = tenant;
        this.survivorKey = survivor.key();
        this.mergedKey = merged.key();
        this.reason = reason;
        this.eventId = eventId;
        this.mergedAt = now;
        this.survivorBefore = new LinkedHashMap<>(survivor.fields());
        this.survivorAfter = new LinkedHashMap<>(survivor.fields());
    }

    public void survivorAfter(Map<String, String> fields) {
        this.survivorAfter = new LinkedHashMap<>(fields);
    }

    public void undone(String who, Instant now) {
        this.undoneAt = now;
        this.undoneBy = who;
    }

    public boolean isUndone() {
        return undoneAt != null;
    }

    public String id() {
        return id;
    }

    public String tenant() {
        return tenant;
    }

    public String survivorKey() {
        return survivorKey;
    }

    public String mergedKey() {
        return mergedKey;
    }

    public LinkReason reason() {
        return reason;
    }

    public String eventId() {
        return eventId;
    }

    public Instant mergedAt() {
        return mergedAt;
    }

    public Map<String, String> survivorBefore() {
        return Map.copyOf(survivorBefore);
    }

    public Map<String, String> survivorAfter() {
        return Map.copyOf(survivorAfter);
    }

    public Instant undoneAt() {
        return undoneAt;
    }

    public String undoneBy() {
        return undoneBy;
    }
}
