package io.crmsync.dedup.repository;

import io.crmsync.dedup.MergeRecord;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class MergeRepository implements PanacheRepositoryBase<MergeRecord, String> {

    /** One link a merge re-pointed, and whom it belonged to before. */
    public record MovedLink(long linkId, String kind, String value, String previousGoldenKey) {
    }

    public Optional<MergeRecord> lock(String id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Merges of one tenant, newest first; with a golden key, those where it survived or was merged. */
    public List<MergeRecord> list(String tenant, String goldenKey) {
        Sort newestFirst = Sort.descending("mergedAt").and("id");
        return goldenKey == null
                ? list("tenant = ?1", newestFirst, tenant)
                : list("tenant = ?1 and (survivorKey = ?2 or mergedKey = ?2)", newestFirst, tenant, goldenKey);
    }

    /**
     * Whether an operator undid a merge of these two: they are different people, and no later
     * event merges them again.
     */
    public boolean keptApart(String tenant, String a, String b) {
        return count("tenant = ?1 and undoneAt is not null and "
                + "((survivorKey = ?2 and mergedKey = ?3) or (survivorKey = ?3 and mergedKey = ?2))", tenant, a, b) > 0;
    }

    public void recordMovedLinks(String mergeId, List<Long> linkIds, String previousGoldenKey) {
        for (Long linkId : linkIds) {
            getEntityManager().createNativeQuery("""
                            insert into dedup.merge_moved_link (merge_id, link_id, previous_golden_key)
                            values (?1, ?2, ?3)""")
                    .setParameter(1, mergeId)
                    .setParameter(2, linkId)
                    .setParameter(3, previousGoldenKey)
                    .executeUpdate();
        }
    }

    public List<MovedLink> movedLinks(String mergeId) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        select m.link_id, l.kind, l.value, m.previous_golden_key
                        from dedup.merge_moved_link m join dedup.identity_link l on l.id = m.link_id
                        where m.merge_id = ?1 order by m.link_id""", Object[].class)
                .setParameter(1, mergeId)
                .getResultList();
        return rows.stream()
                .map(r -> new MovedLink(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3]))
                .toList();
    }
}
