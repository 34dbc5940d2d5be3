package io.crmsync.writer.service;

import io.crmsync.writer.WriteAudit;
import io.crmsync.writer.repository.WriteAuditRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * Searches the audit trail for the admin API. Rows come newest first by {@code (at, id)}: ids are
 * handed out in blocks per writer instance, so they alone do not follow time. Pages are keyset
 * pages: the next one continues strictly below the {@code (at, id)} of the last row seen, so rows
 * appended meanwhile never shift or repeat a page.
 */
@ApplicationScoped
public class AuditSearchService {

    private final WriteAuditRepository audit;

    public AuditSearchService(WriteAuditRepository audit) {
        this.audit = audit;
    }

    @Transactional
    public AuditPage search(AuditSearch search) {
        StringBuilder where = new StringBuilder("tenant = :tenant");
        Parameters params = Parameters.with("tenant", search.tenant());
        equal(where, params, "sourceObjectId", search.sourceObjectId());
        equal(where, params, "crmId", search.crmId());
        equal(where, params, "recordKey", search.recordKey());
        equal(where, params, "commandId", search.commandId());
        equal(where, params, "crmObjectType", search.crmObjectType());
        equal(where, params, "operation", search.operation());
        equal(where, params, "outcome", search.outcome());
        if (search.from() != null) {
            where.append(" and at >= :from");
            params.and("from", search.from());
        }
        if (search.to() != null) {
            where.append(" and at < :to");
            params.and("to", search.to());
        }
        if (search.before() != null) {
            // The cursor row must be the tenant's own: another tenant's id reveals nothing.
            WriteAudit cursor = audit.find("id = ?1 and tenant = ?2", search.before(), search.tenant()).firstResult();
            if (cursor == null) {
                throw new AuditCursorNotFoundException(search.tenant());
            }
            where.append(" and (at < :cursorAt or (at = :cursorAt and id < :cursorId))");
            params.and("cursorAt", cursor.at).and("cursorId", cursor.id);
        }
        where.append(" order by at desc, id desc");
        // One row more than asked says whether a next page exists.
        List<WriteAudit> rows = audit.find(where.toString(), params).range(0, search.limit()).list();
        if (rows.size() <= search.limit()) {
            return new AuditPage(rows, null);
        }
        List<WriteAudit> page = rows.subList(0, search.limit());
        return new AuditPage(List.copyOf(page), page.get(page.size() - 1).id);
    }

    private static void equal(StringBuilder where, Parameters params, String field, String value) {
        if (value != null) {
            where.append(" and ").append(field).append(" = :").append(field);
            params.and(field, value);
        }
    }
}
