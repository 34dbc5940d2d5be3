package io.crmsync.dedup.service;

import io.crmsync.contract.Origin;
import io.crmsync.contract.command.SyncMode;
import io.crmsync.dedup.GoldenContact;
import io.crmsync.dedup.MergeRecord;
import io.crmsync.dedup.repository.GoldenContactRepository;
import io.crmsync.dedup.repository.IdentityLinkRepository;
import io.crmsync.dedup.repository.MergeRepository;
import io.crmsync.dedup.repository.MergeRepository.MovedLink;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The operator's side of merges: list them with their reasons, and undo one. Every lookup is
 * scoped by the tenant the request names, so a merge of one tenant is invisible through another.
 */
@ApplicationScoped
public class MergeAdminService {

    private static final Logger LOG = Logger.getLogger(MergeAdminService.class);

    private final MergeRepository merges;
    private final GoldenContactRepository goldenContacts;
    private final IdentityLinkRepository links;
    private final UpsertCommandFactory commands;
    private final OutboxService outbox;
    private final DedupMetrics metrics;

    public MergeAdminService(MergeRepository merges, GoldenContactRepository goldenContacts,
                             IdentityLinkRepository links, UpsertCommandFactory commands, OutboxService outbox,
                             DedupMetrics metrics) {
        this.merges = merges;
        this.goldenContacts = goldenContacts;
        this.links = links;
        this.commands = commands;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    /** @param goldenKey null for all merges of the tenant; else those where it survived or was merged */
    public List<MergeView> list(String tenant, String goldenKey) {
        return QuarkusTransaction.requiringNew().call(() -> merges.list(tenant, goldenKey).stream()
                .map(m -> MergeView.of(m, merges.movedLinks(m.id())))
                .toList());
    }

    /**
     * Restores the merged golden contact, moves exactly the links the merge moved back to it
     * (those still on the survivor), puts back the survivor's fields the merge changed and nothing
     * changed since, records who undid it, and queues upserts of both records. The pair is kept
     * apart from then on. The CRM merge itself is not reverted (HubSpot cannot unmerge): the
     * restored record is written again under its own key.
     *
     * @param who the token's principal
     */
    public MergeView undo(String tenant, String mergeId, String who) {
        MergeView undone = QuarkusTransaction.requiringNew().call(() -> undoInTransaction(tenant, mergeId, who));
        metrics.mergeUndone(tenant);
        return undone;
    }

    private MergeView undoInTransaction(String tenant, String mergeId, String who) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        MergeRecord merge = merges.lock(mergeId).filter(m -> m.tenant().equals(tenant))
                .orElseThrow(() -> new MergeNotFoundException("no merge " + mergeId + " in tenant " + tenant));
        if (merge.isUndone()) {
            throw new MergeNotUndoableException("merge " + mergeId + " was undone already");
        }
        // Both rows locked in key order, as the resolution locks them.
        GoldenContact survivor;
        GoldenContact restored;
        if (merge.survivorKey().compareTo(merge.mergedKey()) < 0) {
            survivor = lock(merge.survivorKey());
            restored = lock(merge.mergedKey());
        } else {
            restored = lock(merge.mergedKey());
            survivor = lock(merge.survivorKey());
        }
        if (!merge.survivorKey().equals(restored.mergedInto())) {
            throw new MergeNotUndoableException("golden contact " + restored.key() + " is no longer merged into "
                    + survivor.key());
        }
        if (survivor.mergedInto() != null) {
            throw new MergeNotUndoableException("golden contact " + survivor.key() + " was merged into "
                    + survivor.mergedInto() + " since; undo that merge first");
        }
        List<MovedLink> moved = merges.movedLinks(mergeId);
        int movedBack = links.repoint(moved.stream().map(MovedLink::linkId).toList(), survivor.key(), restored.key());
        restored.reinstate(now);
        survivor.restoreFields(merge.survivorBefore(), merge.survivorAfter(), now);
        merge.undone(who, now);

        // Written again in full, so the CRM holds both records as they are now (the survivor first, as on merge).
        outbox.enqueue(Origin.REPLAY, commands.contact(tenant, survivor, null, null, SyncMode.LIVE, null), now);
        outbox.enqueue(Origin.REPLAY, commands.contact(tenant, restored, null, null, SyncMode.LIVE, null), now);
        LOG.infof("tenant %s: merge %s undone by %s: %s restored beside %s, %d of %d links moved back", tenant,
                mergeId, who, restored.key(), survivor.key(), movedBack, moved.size());
        return MergeView.of(merge, moved);
    }

    private GoldenContact lock(String goldenKey) {
        return goldenContacts.lock(goldenKey)
                .orElseThrow(() -> new IllegalStateException("merge names missing golden contact " + goldenKey));
    }
}
