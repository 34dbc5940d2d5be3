package io.crmsync.writer.repository;

import io.crmsync.writer.PendingAssociation;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Associations still to be created in the CRM. */
@ApplicationScoped
public class PendingAssociationRepository implements PanacheRepositoryBase<PendingAssociation, Long> {

    /**
     * Adds associations to create; one already pending is kept as is. Commits on return, so a
     * concurrent writer that upserts the target afterwards is guaranteed to see the row.
     */
    @Transactional
    public void addAll(String tenant, Collection<Wanted> associations) {
        Instant now = Instant.now();
        for (Wanted a : associations) {
            getEntityManager().createNativeQuery("""
                            insert into {h-schema}pending_association
                                (tenant, from_object_type, from_record_key, to_object_type, to_record_key, created_at)
                            values (?1, ?2, ?3, ?4, ?5, ?6)
                            on conflict do nothing""")
                    .setParameter(1, tenant)
                    .setParameter(2, a.fromObjectType())
                    .setParameter(3, a.fromRecordKey())
                    .setParameter(4, a.toObjectType())
                    .setParameter(5, a.toRecordKey())
                    .setParameter(6, now)
                    .executeUpdate();
        }
    }

    /** Pending associations starting at these records. */
    @Transactional
    public List<PendingAssociation> from(String tenant, String crmObjectType, Collection<String> recordKeys) {
        if (recordKeys.isEmpty()) {
            return List.of();
        }
        return list("tenant = ?1 and fromObjectType = ?2 and fromRecordKey in ?3 order by id",
                tenant, crmObjectType, recordKeys);
    }

    /** Pending associations waiting for these records as their target. */
    @Transactional
    public List<PendingAssociation> to(String tenant, String crmObjectType, Collection<String> recordKeys) {
        if (recordKeys.isEmpty()) {
            return List.of();
        }
        return list("tenant = ?1 and toObjectType = ?2 and toRecordKey in ?3 order by id",
                tenant, crmObjectType, recordKeys);
    }

    /**
     * Moves the associations of a merged record, on both ends, to the record that absorbed it; one
     * the survivor already has pending is dropped rather than doubled.
     */
    @Transactional
    public void repoint(String tenant, String crmObjectType, String mergedKey, String survivingKey) {
        for (String end : List.of("from", "to")) {
            String other = end.equals("from") ? "to" : "from";
            getEntityManager().createNativeQuery("""
                            delete from {h-schema}pending_association p
                            where p.tenant = ?1 and p.%1$s_object_type = ?2 and p.%1$s_record_key = ?3
                              and exists (select 1 from {h-schema}pending_association q
                                          where q.tenant = p.tenant and q.%1$s_object_type = p.%1$s_object_type
                                            and q.%1$s_record_key = ?4 and q.%2$s_object_type = p.%2$s_object_type
                                            and q.%2$s_record_key = p.%2$s_record_key)""".formatted(end, other))
                    .setParameter(1, tenant)
                    .setParameter(2, crmObjectType)
                    .setParameter(3, mergedKey)
                    .setParameter(4, survivingKey)
                    .executeUpdate();
            getEntityManager().createNativeQuery("""
                            update {h-schema}pending_association set %1$s_record_key = ?4
                            where tenant = ?1 and %1$s_object_type = ?2 and %1$s_record_key = ?3""".formatted(end))
                    .setParameter(1, tenant)
                    .setParameter(2, crmObjectType)
                    .setParameter(3, mergedKey)
                    .setParameter(4, survivingKey)
                    .executeUpdate();
        }
    }

    /** Removes associations the CRM confirmed. */
    @Transactional
    public void completed(Collection<Long> ids) {
        if (!ids.isEmpty()) {
            delete("id in ?1", ids);
        }
    }

    /** An association a command asks for, by record keys. */
    public record Wanted(String fromObjectType, String fromRecordKey, String toObjectType, String toRecordKey) {
    }
}
