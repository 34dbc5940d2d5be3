package io.crmsync.writer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One attempt to write a command to the CRM (or its final disposition): who asked (command and
 * source identity), what was touched (object type, record key, CRM id), how it went.
 */
@Entity
@Table(name = "write_audit")
public class WriteAudit extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "write_audit_seq", sequenceName = "write_audit_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "write_audit_seq")
    public Long id;

    @Column(name = "command_id")
    public String commandId;

    @Column(nullable = false)
    public String tenant;

    @Column(name = "source_platform")
    public String sourcePlatform;

    @Column(name = "source_store_id")
    public String sourceStoreId;

    @Column(name = "source_object_type")
    public String sourceObjectType;

    @Column(name = "source_object_id")
    public String sourceObjectId;

    @Column(name = "crm_object_type", nullable = false)
    public String crmObjectType;

    @Column(name = "record_key", nullable = false)
    public String recordKey;

    @Column(name = "crm_id")
    public String crmId;

    /** Merges only: the record that absorbed {@link #recordKey}. */
    @Column(name = "surviving_key")
    public String survivingKey;

    /** {@code upsert}, {@code associate}, {@code merge} or {@code dead-letter}. */
    @Column(nullable = false)
    public String operation;

    /** See {@code io.crmsync.writer.service.AuditTrail} for the values. */
    @Column(nullable = false)
    public String outcome;

    @Column(name = "error_class")
    public String errorClass;

    @Column(nullable = false)
    public int attempt;

    @Column(name = "trace_id")
    public String traceId;

    @Column(nullable = false)
    public Instant at;

    /** Dry-run: the record as the CRM would have received it (JSON). */
    public String detail;
}
