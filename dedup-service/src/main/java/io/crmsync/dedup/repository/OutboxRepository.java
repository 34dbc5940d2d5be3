package io.crmsync.dedup.repository;

import io.crmsync.dedup.OutboxMessage;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class OutboxRepository implements PanacheRepository<OutboxMessage> {

    /** PostgreSQL advisory lock key of the relay lease: "dedup" in ASCII. */
    public static final long RELAY_LEASE = 0x6465647570L;

    /**
     * Takes the relay lease for the current transaction. Only one relay (across replicas) sends at
     * a time, so rows leave in id order; a relay that cannot take it skips its turn.
     */
    public boolean tryRelayLease() {
        Object taken = getEntityManager().createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LEASE)
                .getSingleResult();
        return Boolean.TRUE.equals(taken);
    }

    public List<OutboxMessage> nextBatch(int size) {
        return find("order by id").page(0, size).list();
    }

    public void deleteSent(List<OutboxMessage> sent) {
        if (!sent.isEmpty()) {
            delete("id in ?1", sent.stream().map(OutboxMessage::id).toList());
        }
    }
}
