package io.crmsync.writer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/** The CRM id of a record the writer upserted or looked up: the record map. */
@Entity
@Table(name = "crm_record")
public class CrmRecord extends PanacheEntityBase {

    @EmbeddedId
    public CrmRecordId id;

    @Column(name = "crm_id", nullable = false)
    public String crmId;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
