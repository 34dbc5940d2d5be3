package io.crmsync.dedup.repository;

import io.crmsync.contract.model.SourceRef;
import io.crmsync.dedup.SourceEntity;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;

@ApplicationScoped
public class SourceEntityRepository implements PanacheRepository<SourceEntity> {

    /**
     * The entity's row, created if this is its first event, locked for the rest of the
     * transaction: two events of the same storefront object never interleave, even when two
     * instances (or a rebalance) handle them at once.
     */
    public SourceEntity lockOrCreate(String tenant, SourceRef source, Instant now) {
        getEntityManager().createNativeQuery("""
                        insert into dedup.source_entity (tenant, platform, store_id, object_type, object_id, created_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6)
                        on conflict (tenant, platform, store_id, object_type, object_id) do nothing""")
                .setParameter(1, tenant)
                .setParameter(2, source.platform())
                .setParameter(3, source.storeId())
                .setParameter(4, source.objectType())
                .setParameter(5, source.objectId())
                .setParameter(6, now)
                .executeUpdate();
        return find("tenant = ?1 and platform = ?2 and storeId = ?3 and objectType = ?4 and objectId = ?5",
                tenant, source.platform(), source.storeId(), source.objectType(), source.objectId())
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .singleResult();
    }
}
