package io.crmsync.writer.service;

import io.crmsync.writer.CrmRecordId;
import io.crmsync.writer.PendingAssociation;
import io.crmsync.writer.client.CrmCallException;
import io.crmsync.writer.client.CrmRejectedException;
import io.crmsync.writer.repository.CrmRecordRepository;
import io.crmsync.writer.repository.PendingAssociationRepository;
import io.crmsync.writer.repository.PendingAssociationRepository.Wanted;
import io.crmsync.writer.repository.RecordAliasRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Creates the associations commands ask for, without losing or doubling any. Every wanted
 * association is first stored in {@code pending_association}; it leaves the table only once the
 * CRM confirmed it. After a group of records is written, the associations starting at them are
 * completed where the target's CRM id is known (record map, else a batch read by the target's
 * key), and the associations that were waiting for one of them as target are completed too.
 * Commands for different records travel on different partitions, so a deal may well arrive
 * before its contact: its association simply waits.
 */
@ApplicationScoped
public class AssociationService {

    private static final Logger LOG = Logger.getLogger(AssociationService.class);

    private final PendingAssociationRepository pending;
    private final CrmRecordRepository records;
    private final RecordAliasRepository aliases;
    private final CrmCalls calls;
    private final AuditTrail audit;

    public AssociationService(PendingAssociationRepository pending, CrmRecordRepository records,
                              RecordAliasRepository aliases, CrmCalls calls, AuditTrail audit) {
        this.pending = pending;
        this.records = records;
        this.aliases = aliases;
        this.calls = calls;
        this.audit = audit;
    }

    /**
     * @param written    this group's written commands by record key
     * @param writtenIds their CRM ids, fresh from the upsert
     * @return dead letters by record key, for commands whose associations could not be completed
     */
    public Map<String, WriteFailure> link(TenantCrm crm, CrmAdapter adapter, String crmObjectType,
                                        Map<String, CoalescedCommand> written, Map<String, String> writtenIds) {
        Set<Wanted> wanted = new LinkedHashSet<>();
        written.values().forEach(c -> c.command().associations().forEach(a ->
                wanted.add(new Wanted(crmObjectType, c.recordKey(), a.crmObjectType(), a.recordKey()))));
        // Stored (and committed) before any lookup: a target written meanwhile by another writer
        // either sees this row when it completes its incoming associations, or is found below.
        pending.addAll(crm.tenant(), wanted);
        followMerges(crm.tenant(), wanted);

        Step step = new Step(crm, adapter, written, trusted(crm.tenant(), crmObjectType, writtenIds));
        // Outgoing: from these records, including associations left pending by earlier commands.
        step.complete(pending.from(crm.tenant(), crmObjectType, written.keySet()), PendingAssociation::from, true);
        // Incoming: earlier records that were waiting for one of these as their target.
        step.complete(pending.to(crm.tenant(), crmObjectType, written.keySet()), PendingAssociation::to, false);
        return step.failed;
    }

    /**
     * Completes what waits on one record whose CRM id is now known or changed (the survivor of a
     * merge): associations from it and to it whose other end exists. What cannot be completed
     * stays pending for the next write of either end.
     */
    public void completeFor(TenantCrm crm, CrmAdapter adapter, String crmObjectType, String recordKey) {
        Step step = new Step(crm, adapter, Map.of(), Map.of());
        step.complete(pending.from(crm.tenant(), crmObjectType, List.of(recordKey)), PendingAssociation::from, false);
        step.complete(pending.to(crm.tenant(), crmObjectType, List.of(recordKey)), PendingAssociation::to, false);
        if (!step.failed.isEmpty()) {
            LOG.infof("tenant %s: associations of %s %s stay pending after a failed call", crm.tenant(),
                    crmObjectType, recordKey);
        }
    }

    /**
     * The command's targets were redirected to survivors before it was written, but a merge may
     * have committed since, after re-pointing the rows it saw: re-point the rows just stored.
     */
    private void followMerges(String tenant, Set<Wanted> wanted) {
        Map<String, Set<String>> targets = new LinkedHashMap<>();
        wanted.forEach(w -> targets.computeIfAbsent(w.toObjectType(), t -> new LinkedHashSet<>()).add(w.toRecordKey()));
        targets.forEach((type, keys) -> aliases.survivors(tenant, type, keys)
                .forEach((merged, survivor) -> pending.repoint(tenant, type, merged, survivor)));
    }

    private static Map<CrmRecordId, String> trusted(String tenant, String type, Map<String, String> writtenIds) {
        Map<CrmRecordId, String> ids = new HashMap<>();
        writtenIds.forEach((key, id) -> ids.put(new CrmRecordId(tenant, type, key), id));
        return ids;
    }

    /** The association work for one written group. */
    private final class Step {

        private final TenantCrm crm;
        private final CrmAdapter adapter;
        private final Map<String, CoalescedCommand> written;
        private final Map<CrmRecordId, String> trusted;
        private final Map<String, WriteFailure> failed = new LinkedHashMap<>();

        Step(TenantCrm crm, CrmAdapter adapter, Map<String, CoalescedCommand> written, Map<CrmRecordId, String> trusted) {
            this.crm = crm;
            this.adapter = adapter;
            this.written = written;
            this.trusted = trusted;
        }

        /** @param ours the end of each row that is one of this group's records */
        void complete(List<PendingAssociation> rows, Function<PendingAssociation, CrmRecordId> ours, boolean outgoing) {
            if (rows.isEmpty()) {
                return;
            }
            Map<CrmRecordId, String> ids;
            try {
                ids = resolve(ends(rows), false);
            } catch (CrmCallException e) {
                rows.forEach(row -> fail(ours.apply(row), e));
                return;
            }
            Map<List<String>, List<PendingAssociation>> ready = new LinkedHashMap<>();
            for (PendingAssociation row : rows) {
                if (ids.containsKey(row.from()) && ids.containsKey(row.to())) {
                    ready.computeIfAbsent(List.of(row.fromObjectType, row.toObjectType), t -> new ArrayList<>()).add(row);
                } else if (outgoing) {
                    record(ours.apply(row), "pending", null);
                }
            }
            ready.values().forEach(group -> associate(group, ids, ours));
        }

        private void associate(List<PendingAssociation> rows, Map<CrmRecordId, String> ids,
                               Function<PendingAssociation, CrmRecordId> ours) {
            try {
                send(rows, ids, ours);
            } catch (CrmRejectedException e) {
                // The CRM refused an id: a record merged or deleted since we learned it. Look the
                // other ends up afresh and try once more; what is still missing stays pending.
                LOG.infof("tenant %s: %s associations refused, re-reading %d record ids", crm.tenant(),
                        rows.get(0).fromObjectType + "->" + rows.get(0).toObjectType, rows.size());
                try {
                    Map<CrmRecordId, String> fresh = resolve(ends(rows), true);
                    List<PendingAssociation> ready = rows.stream()
                            .filter(r -> fresh.containsKey(r.from()) && fresh.containsKey(r.to())).toList();
                    if (!ready.isEmpty()) {
                        send(ready, fresh, ours);
                    }
                } catch (CrmCallException again) {
                    rows.forEach(row -> fail(ours.apply(row), again));
                }
            } catch (CrmCallException e) {
                rows.forEach(row -> fail(ours.apply(row), e));
            }
        }

        private void send(List<PendingAssociation> rows, Map<CrmRecordId, String> ids,
                          Function<PendingAssociation, CrmRecordId> ours) {
            PendingAssociation first = rows.get(0);
            List<CrmAdapter.IdPair> pairs = rows.stream()
                    .map(r -> new CrmAdapter.IdPair(ids.get(r.from()), ids.get(r.to())))
                    .distinct()
                    .toList();
            calls.call(() -> {
                try {
                    adapter.associate(crm, first.fromObjectType, first.toObjectType, pairs);
                    return null;
                } catch (CrmCallException e) {
                    rows.forEach(row -> record(ours.apply(row), "failed", e.kind()));
                    throw e;
                }
            });
            pending.completed(rows.stream().map(r -> r.id).toList());
            rows.forEach(row -> record(ours.apply(row), "associated", null));
        }

        /**
         * CRM ids of these records: this group's own from the upsert, the others from the record
         * map or (when {@code fresh}, or not in the map) a batch read by key.
         */
        private Map<CrmRecordId, String> resolve(Set<CrmRecordId> ends, boolean fresh) {
            Map<CrmRecordId, String> ids = new HashMap<>();
            Map<String, Set<String>> lookUp = new LinkedHashMap<>();
            for (CrmRecordId end : ends) {
                if (trusted.containsKey(end)) {
                    ids.put(end, trusted.get(end));
                } else {
                    lookUp.computeIfAbsent(end.crmObjectType, t -> new LinkedHashSet<>()).add(end.recordKey);
                }
            }
            lookUp.forEach((type, keys) -> {
                Map<String, String> known = fresh ? Map.of() : records.crmIds(crm.tenant(), type, keys);
                Set<String> missing = new LinkedHashSet<>(keys);
                missing.removeAll(known.keySet());
                Map<String, String> found = missing.isEmpty() ? Map.of()
                        : calls.call(() -> adapter.findIds(crm, type, missing));
                records.remember(crm.tenant(), type, found);
                if (fresh) {
                    Set<String> gone = new HashSet<>(missing);
                    gone.removeAll(found.keySet());
                    records.forget(crm.tenant(), type, gone);
                }
                known.forEach((key, id) -> ids.put(new CrmRecordId(crm.tenant(), type, key), id));
                found.forEach((key, id) -> ids.put(new CrmRecordId(crm.tenant(), type, key), id));
            });
            return ids;
        }

        /** Attempts were audited as they failed; the dead letter is audited with the disposition. */
        private void fail(CrmRecordId ours, CrmCallException e) {
            failed.putIfAbsent(ours.recordKey, WriteFailure.of(e));
        }

        private void record(CrmRecordId ours, String outcome, String errorClass) {
            CoalescedCommand command = written.get(ours.recordKey);
            if (command != null) {
                audit.association(command, trusted.get(ours), outcome, errorClass);
            }
        }
    }

    private static Set<CrmRecordId> ends(Collection<PendingAssociation> rows) {
        return rows.stream().flatMap(r -> Stream.of(r.from(), r.to()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
