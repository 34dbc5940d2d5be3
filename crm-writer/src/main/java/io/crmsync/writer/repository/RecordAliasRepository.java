package io.crmsync.writer.repository;

import io.crmsync.writer.CrmRecordId;
import io.crmsync.writer.RecordAlias;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Merged record keys and their survivors. Kept flat: a surviving key is never an alias itself. */
@ApplicationScoped
public class RecordAliasRepository implements PanacheRepositoryBase<RecordAlias, CrmRecordId> {

    /** The survivors of those of these keys that were merged; keys never merged are absent. */
    @Transactional
    public Map<String, String> survivors(String tenant, String crmObjectType, Collection<String> recordKeys) {
        if (recordKeys.isEmpty()) {
            return Map.of();
        }
        return find("id.tenant = ?1 and id.crmObjectType = ?2 and id.recordKey in ?3", tenant, crmObjectType, recordKeys)
                .stream()
                .collect(Collectors.toMap(a -> a.id.recordKey, a -> a.survivingKey));
    }

    /** The key that names {@code recordKey}'s record now: its survivor, or itself. */
    public String resolve(String tenant, String crmObjectType, String recordKey) {
        return survivors(tenant, crmObjectType, List.of(recordKey)).getOrDefault(recordKey, recordKey);
    }

    /**
     * Makes {@code mergedKey} (a key no alias names, see {@link #resolve}) an alias of
     * {@code survivingKey}, and re-points the aliases that named {@code mergedKey}, so that every
     * alias stays one hop from its survivor. Commits on return.
     */
    @Transactional
    public void alias(String tenant, String crmObjectType, String mergedKey, String survivingKey, String mergeId,
                      String commandId) {
        getEntityManager().createNativeQuery("""
                        insert into {h-schema}record_alias
                            (tenant, crm_object_type, record_key, surviving_key, merge_id, command_id, merged_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        on conflict (tenant, crm_object_type, record_key) do update
                            set surviving_key = excluded.surviving_key, merge_id = excluded.merge_id,
                                command_id = excluded.command_id, merged_at = excluded.merged_at""")
                .setParameter(1, tenant)
                .setParameter(2, crmObjectType)
                .setParameter(3, mergedKey)
                .setParameter(4, survivingKey)
                .setParameter(5, mergeId)
                .setParameter(6, commandId)
                .setParameter(7, Instant.now())
                .executeUpdate();
        update("survivingKey = ?1 where id.tenant = ?2 and id.crmObjectType = ?3 and survivingKey = ?4",
                survivingKey, tenant, crmObjectType, mergedKey);
    }
}
