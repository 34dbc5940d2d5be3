package io.crmsync.writer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A merged record key ({@link #id}) and the key of the record that absorbed it: commands and
 * associations for the merged key are written to the survivor.
 */
@Entity
@Table(name = "record_alias")
public class RecordAlias extends PanacheEntityBase {

    @EmbeddedId
    public CrmRecordId id;

    @Column(name = "surviving_key", nullable = false)
    public String survivingKey;

    @Column(name = "merge_id", nullable = false)
    public String mergeId;

    @Column(name = "command_id", nullable = false)
    public String commandId;

    @Column(name = "merged_at", nullable = false)
    public Instant mergedAt;
}
