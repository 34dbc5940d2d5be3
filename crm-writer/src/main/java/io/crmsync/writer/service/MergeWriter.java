package io.crmsync.writer.service;

import io.crmsync.contract.command.CrmRecordMerge;
import io.crmsync.writer.client.CrmCallException;
import io.crmsync.writer.repository.CrmRecordRepository;
import io.crmsync.writer.repository.PendingAssociationRepository;
import io.crmsync.writer.repository.RecordAliasRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Applies one merge command. Both keys are first resolved through earlier merges; if they already
 * name one record the command is a replay and nothing happens. Otherwise, by the CRM ids known
 * (record map, else a read by key):
 * <ul>
 *   <li>both records exist: the CRM merges the merged one into the survivor ({@code merged});</li>
 *   <li>only the merged record exists: the survivor adopts it, and it is re-keyed to the survivor's
 *   key so that every later upsert or lookup by that key finds it ({@code adopted});</li>
 *   <li>otherwise nothing exists to merge ({@code aliased}).</li>
 * </ul>
 * In every case the merged key then becomes an alias of the survivor (later commands for it are
 * redirected, see {@link RecordAliases}), its pending associations move to the survivor, and what
 * was waiting for the survivor is completed. Every CRM step is idempotent, so a merge retried or
 * redelivered after a crash ends the same way.
 */
@ApplicationScoped
public class MergeWriter {

    private final CrmCalls calls;
    private final CrmRecordRepository records;
    private final RecordAliasRepository aliases;
    private final PendingAssociationRepository pending;
    private final AssociationService associations;
    private final AuditTrail audit;
    private final WriterMetrics metrics;

    public MergeWriter(CrmCalls calls, CrmRecordRepository records, RecordAliasRepository aliases,
                       PendingAssociationRepository pending, AssociationService associations, AuditTrail audit,
                       WriterMetrics metrics) {
        this.calls = calls;
        this.records = records;
        this.aliases = aliases;
        this.pending = pending;
        this.associations = associations;
        this.audit = audit;
        this.metrics = metrics;
    }

    /** @return why the merge could not be applied; empty when it was (or had been) */
    public Optional<WriteFailure> merge(TenantCrm crm, CrmAdapter adapter, IncomingMerge incoming, Settlements settlements) {
        CrmRecordMerge command = incoming.merge();
        String tenant = crm.tenant();
        String type = command.crmObjectType();
        String merged = aliases.resolve(tenant, type, command.mergedKey());
        String surviving = aliases.resolve(tenant, type, command.survivingKey());
        if (merged.equals(surviving)) {
            String survivorId = records.crmIds(tenant, type, List.of(surviving)).get(surviving);
            audit.merge(incoming, survivorId, "replayed", null);
            metrics.merge(tenant, type, "replayed");
            settlements.written(incoming.index(), "replayed", survivorId);
            return Optional.empty();
        }
        Supplier<Applied> call = () -> {
            try {
                return apply(crm, adapter, type, merged, surviving);
            } catch (CrmCallException e) {
                audit.mergeFailed(incoming, e);
                throw e;
            }
        };
        Applied applied;
        try {
            applied = calls.call(call);
        } catch (CrmCallException e) {
            return Optional.of(WriteFailure.of(e));
        }
        if (applied.crmId() != null) {
            Map<String, String> ids = new LinkedHashMap<>();
            ids.put(merged, applied.crmId());
            ids.put(surviving, applied.crmId());
            records.remember(tenant, type, ids);
        }
        // The alias commits before the pending rows move: a writer storing a row for the merged
        // key meanwhile either sees the alias afterwards or has its row moved here.
        aliases.alias(tenant, type, merged, surviving, command.mergeId(), command.commandId());
        pending.repoint(tenant, type, merged, surviving);
        audit.merge(incoming, applied.crmId(), applied.outcome(), null);
        metrics.merge(tenant, type, applied.outcome());
        settlements.written(incoming.index(), applied.outcome(), applied.crmId());
        if (applied.crmId() != null) {
            associations.completeFor(crm, adapter, type, surviving);
        }
        return Optional.empty();
    }

    /** The CRM side of a merge: look both records up, then merge, adopt or do nothing. */
    private Applied apply(TenantCrm crm, CrmAdapter adapter, String type, String merged, String surviving) {
        Map<String, String> ids = crmIds(crm, adapter, type, List.of(merged, surviving));
        String mergedId = ids.get(merged);
        String survivingId = ids.get(surviving);
        if (mergedId != null && survivingId != null && !mergedId.equals(survivingId)) {
            adapter.merge(crm, type, survivingId, mergedId);
            return new Applied("merged", survivingId);
        }
        if (mergedId != null && survivingId == null) {
            return new Applied("adopted", adapter.rekey(crm, type, merged, surviving));
        }
        // Neither exists, only the survivor does, or an adoption whose answer was lost already
        // gave the merged record the survivor's key (both keys find the same id).
        return new Applied("aliased", survivingId);
    }

    /** Known ids from the record map; keys it does not hold are read from the CRM by key. */
    private Map<String, String> crmIds(TenantCrm crm, CrmAdapter adapter, String type, List<String> keys) {
        Map<String, String> ids = new LinkedHashMap<>(records.crmIds(crm.tenant(), type, keys));
        Set<String> missing = new LinkedHashSet<>(keys);
        missing.removeAll(ids.keySet());
        if (!missing.isEmpty()) {
            Map<String, String> found = adapter.findIds(crm, type, missing);
            records.remember(crm.tenant(), type, found);
            ids.putAll(found);
        }
        return ids;
    }

    /** @param crmId the survivor's CRM id afterwards; null when it has none yet */
    private record Applied(String outcome, String crmId) {
    }
}
