package io.crmsync.writer.repository;

import io.crmsync.writer.WriteAudit;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/** The append-only audit trail of CRM writes. */
@ApplicationScoped
public class WriteAuditRepository implements PanacheRepositoryBase<WriteAudit, Long> {

    /** Appends rows in their own transaction: the trail survives whatever happens next. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void append(List<WriteAudit> rows) {
        if (!rows.isEmpty()) {
            persist(rows);
        }
    }
}
