package io.crmsync.writer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One dead-letter replay an operator asked for through the admin API, and what it did. */
@Entity
@Table(name = "dlq_replay")
public class DlqReplay extends PanacheEntityBase {

    /** Also sent as the {@code crmsync_replay_id} header of every record it re-published. */
    @Id
    public String id;

    @Column(nullable = false)
    public String tenant;

    @Column(name = "range_from", nullable = false)
    public Instant rangeFrom;

    @Column(name = "range_to", nullable = false)
    public Instant rangeTo;

    /** Null: every error class. */
    @Column(name = "error_class")
    public String errorClass;

    @Column(nullable = false)
    public boolean force;

    @Column(nullable = false)
    public int matched;

    @Column(nullable = false)
    public int replayed;

    /** Matched, but replayed before (never when forced). */
    @Column(nullable = false)
    public int skipped;

    /** The principal of the operator's token. */
    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(nullable = false)
    public Instant at;
}
