package io.crmsync.dedup.repository;

import io.crmsync.contract.model.SourceRef;
import io.crmsync.dedup.Outcome;
import io.crmsync.dedup.ProcessedEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

@ApplicationScoped
public class ProcessedEventRepository implements PanacheRepository<ProcessedEvent> {

    /**
     * Writes the idempotency record unless it exists: the check and the write are one statement,
     * so two concurrent deliveries of the same content cannot both pass.
     *
     * @return true for the first delivery of this content, false for a replay
     */
    public boolean recordFirst(String tenant, SourceRef source, String fingerprint, String eventId, Outcome outcome,
                               Instant now) {
        int inserted = getEntityManager().createNativeQuery("""
                        insert into dedup.processed_event
                            (tenant, platform, store_id, object_type, object_id, fingerprint, event_id, outcome, processed_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                        on conflict (tenant, platform, store_id, object_type, object_id, fingerprint) do nothing""")
                .setParameter(1, tenant)
                .setParameter(2, source.platform())
                .setParameter(3, source.storeId())
                .setParameter(4, source.objectType())
                .setParameter(5, source.objectId())
                .setParameter(6, fingerprint)
                .setParameter(7, eventId)
                .setParameter(8, outcome.name())
                .setParameter(9, now)
                .executeUpdate();
        return inserted == 1;
    }

    /**
     * Records the platform's delivery id unless it was handled already (one statement, as above).
     *
     * @return true for the first delivery with this id, false for a redelivery
     */
    public boolean recordFirstDelivery(String tenant, String deliveryId, String eventId, Instant now) {
        int inserted = getEntityManager().createNativeQuery("""
                        insert into dedup.processed_delivery (tenant, delivery_id, event_id, processed_at)
                        values (?1, ?2, ?3, ?4)
                        on conflict (tenant, delivery_id) do nothing""")
                .setParameter(1, tenant)
                .setParameter(2, deliveryId)
                .setParameter(3, eventId)
                .setParameter(4, now)
                .executeUpdate();
        return inserted == 1;
    }
}
