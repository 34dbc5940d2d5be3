package io.crmsync.dedup.repository;

import io.crmsync.dedup.ReviewItem;
import io.crmsync.dedup.ReviewStatus;
import io.crmsync.dedup.ownership.ContactUpdate;
import io.crmsync.dedup.ownership.FieldConflict;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class ReviewItemRepository implements PanacheRepository<ReviewItem> {

    /**
     * Records an open proposal unless the same one (tenant, golden key, field, proposed value) is
     * already open: the check and the write are one statement, against a partial unique index.
     *
     * @return true when a new item was recorded
     */
    public boolean recordOpen(String tenant, String goldenKey, FieldConflict conflict, ContactUpdate update, Instant now) {
        int inserted = getEntityManager().createNativeQuery("""
                        insert into dedup.review_item
                            (tenant, golden_key, field, current_value, proposed_value, proposed_by, source_platform,
                             source_store_id, source_object_type, source_object_id, source_updated_at, event_id,
                             status, created_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'OPEN', ?13)
                        on conflict (tenant, golden_key, field, proposed_value) where status = 'OPEN' do nothing""")
                .setParameter(1, tenant)
                .setParameter(2, goldenKey)
                .setParameter(3, conflict.field())
                .setParameter(4, conflict.currentValue())
                .setParameter(5, conflict.proposedValue())
                .setParameter(6, update.sourceIdentity())
                .setParameter(7, update.source().platform())
                .setParameter(8, update.source().storeId())
                .setParameter(9, update.source().objectType())
                .setParameter(10, update.source().objectId())
                .setParameter(11, update.asOf())
                .setParameter(12, update.eventId())
                .setParameter(13, now)
                .executeUpdate();
        return inserted == 1;
    }

    /** Locked for the rest of the transaction: two operators cannot resolve one item twice. */
    public Optional<ReviewItem> lock(long id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** A tenant's items in one status, oldest first, optionally of one golden contact. */
    public List<ReviewItem> list(String tenant, ReviewStatus status, String goldenKey, int limit) {
        String query = "tenant = ?1 and status = ?2" + (goldenKey == null ? "" : " and goldenKey = ?3") + " order by id";
        Object[] params = goldenKey == null ? new Object[]{tenant, status} : new Object[]{tenant, status, goldenKey};
        return find(query, params).page(0, limit).list();
    }

    /** Open items per tenant (tenants without any are absent). */
    public Map<String, Long> openPerTenant() {
        List<Object[]> rows = getEntityManager()
                .createQuery("select r.tenant, count(r) from ReviewItem r where r.status = :open group by r.tenant",
                        Object[].class)
                .setParameter("open", ReviewStatus.OPEN)
                .getResultList();
        Map<String, Long> open = new HashMap<>();
        rows.forEach(row -> open.put((String) row[0], (Long) row[1]));
        return open;
    }
}
