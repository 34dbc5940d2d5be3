package io.crmsync.writer.repository;

import io.crmsync.writer.DlqReplay;
import io.crmsync.writer.DlqReplayed;
import io.crmsync.writer.messaging.DeadLetterPosition;
import io.crmsync.writer.service.ReplayMark;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Replays ({@code dlq_replay}) and the dead letters each re-published ({@code dlq_replayed}). */
@ApplicationScoped
public class DlqReplayRepository implements PanacheRepositoryBase<DlqReplay, String> {

    private static final int CHUNK = 1000;

    /**
     * Takes the tenant's replay lock for the current transaction, or answers false at once if
     * another replay of the tenant holds it. Two replays of one tenant could otherwise both find a
     * dead letter not yet replayed and both publish it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean tryLock(String tenant) {
        Object locked = getEntityManager()
                .createNativeQuery("select pg_try_advisory_xact_lock(hashtext('crm-writer.dlq-replay/' || ?1))")
                .setParameter(1, tenant)
                .getSingleResult();
        return Boolean.TRUE.equals(locked);
    }

    /** The latest replay of each of these dead letters that was replayed at all. */
    @Transactional
    public Map<DeadLetterPosition, ReplayMark> lastReplays(Collection<DeadLetterPosition> positions) {
        Map<DeadLetterPosition, ReplayMark> marks = new HashMap<>();
        Map<Integer, List<Long>> offsetsByPartition = positions.stream().collect(Collectors.groupingBy(
                DeadLetterPosition::partition, Collectors.mapping(DeadLetterPosition::offset, Collectors.toList())));
        offsetsByPartition.forEach((partition, offsets) -> {
            for (int i = 0; i < offsets.size(); i += CHUNK) {
                List<Object[]> rows = getEntityManager().createQuery("""
                                select d.id.offset, r.id, r.at from DlqReplayed d join DlqReplay r on r.id = d.id.replayId
                                where d.id.partition = :partition and d.id.offset in :offsets""", Object[].class)
                        .setParameter("partition", partition)
                        .setParameter("offsets", offsets.subList(i, Math.min(offsets.size(), i + CHUNK)))
                        .getResultList();
                for (Object[] row : rows) {
                    ReplayMark mark = new ReplayMark((String) row[1], (Instant) row[2]);
                    marks.merge(new DeadLetterPosition(partition, (Long) row[0]), mark,
                            (a, b) -> a.at().isAfter(b.at()) ? a : b);
                }
            }
        });
        return marks;
    }

    /** The replay and the dead letters it re-published, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(DlqReplay replay, Collection<DeadLetterPosition> replayed) {
        persist(replay);
        List<DlqReplayed> rows = new ArrayList<>(replayed.size());
        for (DeadLetterPosition position : replayed) {
            rows.add(new DlqReplayed(position.partition(), position.offset(), replay.id));
        }
        rows.forEach(getEntityManager()::persist);
    }
}
