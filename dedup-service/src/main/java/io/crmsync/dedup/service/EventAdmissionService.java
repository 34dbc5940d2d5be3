package io.crmsync.dedup.service;

import io.crmsync.contract.Origin;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.dedup.Outcome;
import io.crmsync.dedup.SourceEntity;
import io.crmsync.dedup.repository.ProcessedEventRepository;
import io.crmsync.dedup.repository.SourceEntityRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;

/**
 * Replay suppression and stale-update protection. Runs inside the caller's transaction, so the
 * idempotency record and the entity's newest {@code updatedAt} commit (or roll back) together
 * with the golden-record changes and outbox rows the event causes.
 */
@ApplicationScoped
public class EventAdmissionService {

    private final SourceEntityRepository sourceEntities;
    private final ProcessedEventRepository processedEvents;

    public EventAdmissionService(SourceEntityRepository sourceEntities, ProcessedEventRepository processedEvents) {
        this.sourceEntities = sourceEntities;
        this.processedEvents = processedEvents;
    }

    /**
     * @param deliveryId the platform's stable delivery id the event derives from, or null: a
     *                   redelivery of the same id is a duplicate whatever its content
     * @param observedAt when the state was seen current at the store ({@code ce_observedat}), or
     *                   null: breaks ties of {@code updatedAt}, which stores give in whole seconds
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Admission admit(String tenant, String eventId, String deliveryId, SourceRef source, Instant updatedAt,
                           Instant observedAt, String fingerprint, Origin origin, Instant now) {
        SourceEntity entity = sourceEntities.lockOrCreate(tenant, source, now);
        // A replay is an operator's request to sync again what may already have been synced: it is
        // never a duplicate, but it must not roll a newer state back either (stale still applies).
        boolean replay = origin == Origin.REPLAY;
        if (!replay && deliveryId != null && !processedEvents.recordFirstDelivery(tenant, deliveryId, eventId, now)) {
            return new Admission(Outcome.DUPLICATE, entity);
        }
        Outcome decision = entity.isStale(updatedAt, observedAt) ? Outcome.STALE : Outcome.APPLIED;
        // A stale event is recorded too: its replays then count as duplicates, not as new stale updates.
        boolean firstSeen = processedEvents.recordFirst(tenant, source, fingerprint, eventId, decision, now);
        if (!firstSeen && !replay && !repairsATie(origin, decision, entity, fingerprint)) {
            return new Admission(Outcome.DUPLICATE, entity);
        }
        if (decision == Outcome.APPLIED) {
            entity.advance(updatedAt, observedAt, fingerprint, now);
        }
        return new Admission(decision, entity);
    }

    /**
     * A poll or backfill reads the store's current state. When that state was seen before but is not
     * the one applied last, and is not older, an earlier same-second tie was decided by arrival (a
     * webhook with no trigger time came late) and went the wrong way: the store's read wins.
     */
    private static boolean repairsATie(Origin origin, Outcome decision, SourceEntity entity, String fingerprint) {
        boolean readOfTheStore = origin == Origin.POLL || origin == Origin.BACKFILL;
        return readOfTheStore && decision == Outcome.APPLIED && !entity.holds(fingerprint);
    }
}
