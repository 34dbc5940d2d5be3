package io.crmsync.writer.repository;

import io.crmsync.writer.CrmRecord;
import io.crmsync.writer.CrmRecordId;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** The record map: CRM ids learned from upsert and batch-read results. */
@ApplicationScoped
public class CrmRecordRepository implements PanacheRepositoryBase<CrmRecord, CrmRecordId> {

    /** The known CRM ids of these records, by record key; unknown keys are absent. */
    @Transactional
    public Map<String, String> crmIds(String tenant, String crmObjectType, Collection<String> recordKeys) {
        if (recordKeys.isEmpty()) {
            return Map.of();
        }
        return find("id.tenant = ?1 and id.crmObjectType = ?2 and id.recordKey in ?3", tenant, crmObjectType, recordKeys)
                .stream()
                .collect(Collectors.toMap(r -> r.id.recordKey, r -> r.crmId));
    }

    /**
     * Records (or corrects) CRM ids. An upsert rather than find-then-persist: a deal's writer may
     * learn a contact's id by batch read while the contact's own writer records it.
     */
    @Transactional
    public void remember(String tenant, String crmObjectType, Map<String, String> crmIdsByKey) {
        Instant now = Instant.now();
        crmIdsByKey.forEach((recordKey, crmId) -> getEntityManager().createNativeQuery("""
                        insert into {h-schema}crm_record (tenant, crm_object_type, record_key, crm_id, updated_at)
                        values (?1, ?2, ?3, ?4, ?5)
                        on conflict (tenant, crm_object_type, record_key)
                        do update set crm_id = excluded.crm_id, updated_at = excluded.updated_at""")
                .setParameter(1, tenant)
                .setParameter(2, crmObjectType)
                .setParameter(3, recordKey)
                .setParameter(4, crmId)
                .setParameter(5, now)
                .executeUpdate());
    }

    /** Drops ids the CRM no longer accepts (the record was deleted or merged away). */
    @Transactional
    public void forget(String tenant, String crmObjectType, Collection<String> recordKeys) {
        if (!recordKeys.isEmpty()) {
            delete("id.tenant = ?1 and id.crmObjectType = ?2 and id.recordKey in ?3", tenant, crmObjectType, recordKeys);
        }
    }
}
