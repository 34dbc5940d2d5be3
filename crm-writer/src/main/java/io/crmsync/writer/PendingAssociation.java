package io.crmsync.writer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * An association the CRM does not hold yet: its target may not exist yet, or the call that would
 * create it has not succeeded. Deleted once the CRM confirmed the association.
 */
@Entity
@Table(name = "pending_association")
public class PendingAssociation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String tenant;

    @Column(name = "from_object_type", nullable = false)
    public String fromObjectType;

    @Column(name = "from_record_key", nullable = false)
    public String fromRecordKey;

    @Column(name = "to_object_type", nullable = false)
    public String toObjectType;

    @Column(name = "to_record_key", nullable = false)
    public String toRecordKey;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public CrmRecordId from() {
        return new CrmRecordId(tenant, fromObjectType, fromRecordKey);
    }

    public CrmRecordId to() {
        return new CrmRecordId(tenant, toObjectType, toRecordKey);
    }
}
