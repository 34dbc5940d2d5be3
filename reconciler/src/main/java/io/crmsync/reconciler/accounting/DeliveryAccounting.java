package io.crmsync.reconciler.accounting;

import io.crmsync.contract.Origin;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.contract.result.CrmWriteResult;
import io.crmsync.contract.webhook.WebhookReceived;
import io.crmsync.reconciler.accounting.SourceObjectStateRepository.ObjectKey;
import io.crmsync.reconciler.client.SourceVersions;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Accounts for every store object that syncs to the CRM (orders and customers): received (any
 * origin: webhook, poll, backfill, replay) on one side, settled by a {@code crm.write.result.v1}
 * on the other (written, dry-run or dead-lettered with its class: an outcome either way). What was
 * received and not settled within the grace period is a mismatch; so is a settled object received
 * again in a newer source version and not settled since (a lost update), see {@link ObjectState}.
 */
@ApplicationScoped
public class DeliveryAccounting {

    /** The object types whose events produce CRM writes; the others are only counted by the dedup-service. */
    static final Set<String> SYNCED = Set.of("order", "customer");

    private final SourceObjectStateRepository repository;
    private final AccountingConfig config;

    public DeliveryAccounting(SourceObjectStateRepository repository, AccountingConfig config) {
        this.repository = repository;
        this.config = config;
    }

    public void received(String tenant, Origin origin, WebhookReceived event) throws SQLException {
        if (!SYNCED.contains(event.objectType()) || isDeletion(event.topic()) || event.objectId() == null) {
            return;
        }
        Instant at = event.receivedAt() == null ? Instant.now() : event.receivedAt();
        Instant version = version(origin, event);
        repository.apply(new ObjectKey(tenant, event.platform(), event.storeId(), event.objectType(), event.objectId()),
                () -> ObjectState.firstReceipt(at, origin.wire(), version), s -> s.received(at, origin.wire(), version));
    }

    public void settled(CrmWriteResult result) throws SQLException {
        SourceRef source = result.source();
        if (source == null || source.objectId() == null || !SYNCED.contains(source.objectType())) {
            return;
        }
        repository.apply(new ObjectKey(result.tenant(), source.platform(), source.storeId(), source.objectType(),
                        source.objectId()),
                () -> ObjectState.firstResult(result.settledAt(), result.outcome(), result.errorClass(), result.crmId(),
                        result.sourceUpdatedAt()),
                s -> s.settled(result.settledAt(), result.outcome(), result.errorClass(), result.crmId(),
                        result.sourceUpdatedAt()));
    }

    /** Open objects past the grace period (or missing from the CRM), oldest receipt first. */
    public List<SourceObjectStateRepository.Mismatch> mismatches(String tenant, int limit) throws SQLException {
        return repository.mismatches(tenant, Instant.now().minus(config.grace()), limit);
    }

    /**
     * The source version an event carries. What the reconciler read (poll, backfill, replay) has the
     * platform's modification time as {@code delivery.triggeredAt}; a webhook's is read from its body
     * (its {@code triggeredAt} is when the platform fired, not the object's version).
     */
    static Instant version(Origin origin, WebhookReceived event) {
        if (origin != Origin.WEBHOOK) {
            return event.delivery() == null ? null : event.delivery().triggeredAt();
        }
        return SourceVersions.modifiedAt(event.platform(), event.payload()).orElse(null);
    }

    public Map<String, SourceObjectStateRepository.Tally> tallies() throws SQLException {
        Instant now = Instant.now();
        return repository.tallies(now.minus(config.window()), now.minus(config.grace()));
    }

    /** Deletions change no CRM record (the sync never deletes), so nothing will settle them. */
    private static boolean isDeletion(String topic) {
        String t = topic == null ? "" : topic.toLowerCase(Locale.ROOT);
        return t.contains("delete");
    }
}
