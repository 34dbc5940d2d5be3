package io.crmsync.writer.service;

import io.crmsync.contract.command.AssociationRef;
import io.crmsync.contract.command.CrmRecordUpsert;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Turns one consumed batch into CRM calls. A merge is a barrier for its merged key: the batch is
 * cut into {@link #phases phases} so that the upserts consumed before a merge for that key are
 * written before it, and those after it are written after it (to the survivor). Within a phase,
 * commands for the same record are coalesced into one, the rest grouped per tenant and object
 * type, at most {@code maxInputs} per group. Per tenant, companies come first, then contacts, then
 * deals, so that the targets of a batch's associations exist before the records pointing at them.
 */
public final class CommandBatcher {

    private static final List<String> WRITE_ORDER =
            List.of(CrmRecordUpsert.COMPANY, CrmRecordUpsert.CONTACT, CrmRecordUpsert.DEAL);

    private CommandBatcher() {
    }

    /**
     * Phase {@code n} holds the upserts that follow {@code n} merges of their own record in this
     * batch, and the {@code n+1}-th merge of each merged key. Keys that no merge names stay in
     * phase 0, so a merge does not break up the batching of unrelated records.
     *
     * <p>
     * Indexes are consumption order, which for one key is the topic's order.
     */
    public static List<BatchPhase> phases(List<IncomingCommand> upserts, List<IncomingMerge> merges) {
        if (merges.isEmpty()) {
            return List.of(new BatchPhase(upserts, List.of()));
        }
        Map<String, List<Integer>> barriers = new HashMap<>();
        List<List<IncomingMerge>> mergesByRound = new ArrayList<>();
        merges.stream().sorted(Comparator.comparingInt(IncomingMerge::index)).forEach(m -> {
            List<Integer> ofKey = barriers.computeIfAbsent(m.merge().kafkaKey(), k -> new ArrayList<>());
            int round = ofKey.size();
            ofKey.add(m.index());
            while (mergesByRound.size() <= round) {
                mergesByRound.add(new ArrayList<>());
            }
            mergesByRound.get(round).add(m);
        });
        List<List<IncomingCommand>> upsertsByPhase = new ArrayList<>();
        for (int i = 0; i <= mergesByRound.size(); i++) {
            upsertsByPhase.add(new ArrayList<>());
        }
        for (IncomingCommand c : upserts) {
            int phase = (int) barriers.getOrDefault(c.command().kafkaKey(), List.of()).stream()
                    .filter(index -> index < c.index()).count();
            upsertsByPhase.get(phase).add(c);
        }
        List<BatchPhase> phases = new ArrayList<>();
        for (int i = 0; i < upsertsByPhase.size(); i++) {
            List<IncomingMerge> round = i < mergesByRound.size() ? mergesByRound.get(i) : List.of();
            if (!upsertsByPhase.get(i).isEmpty() || !round.isEmpty()) {
                phases.add(new BatchPhase(upsertsByPhase.get(i), round));
            }
        }
        return phases;
    }

    /** @param commands in consumption order; commands for one record share a partition, so this is their order */
    public static List<WriteGroup> plan(List<IncomingCommand> commands, int maxInputs) {
        if (maxInputs < 1) {
            throw new IllegalArgumentException("maxInputs must be at least 1");
        }
        Map<String, List<IncomingCommand>> byRecord = new LinkedHashMap<>();
        for (IncomingCommand c : commands) {
            byRecord.computeIfAbsent(c.command().kafkaKey(), k -> new ArrayList<>()).add(c);
        }
        Map<String, Map<String, List<CoalescedCommand>>> byTenantAndType = new LinkedHashMap<>();
        for (List<IncomingCommand> sources : byRecord.values()) {
            CoalescedCommand merged = coalesce(sources);
            byTenantAndType.computeIfAbsent(merged.command().tenant(), t -> new LinkedHashMap<>())
                    .computeIfAbsent(merged.command().crmObjectType(), t -> new ArrayList<>())
                    .add(merged);
        }
        List<WriteGroup> groups = new ArrayList<>();
        byTenantAndType.forEach((tenant, byType) -> {
            for (String type : WRITE_ORDER) {
                List<CoalescedCommand> records = byType.getOrDefault(type, List.of());
                for (int from = 0; from < records.size(); from += maxInputs) {
                    groups.add(new WriteGroup(tenant, type,
                            records.subList(from, Math.min(records.size(), from + maxInputs))));
                }
            }
        });
        return groups;
    }

    /**
     * Later fields win over earlier ones and absent fields keep earlier values, as a CRM upsert
     * would leave them after writing the commands in order; associations accumulate, because
     * they are only ever added.
     */
    static CoalescedCommand coalesce(List<IncomingCommand> sources) {
        CrmRecordUpsert newest = sources.get(sources.size() - 1).command();
        if (sources.size() == 1) {
            return new CoalescedCommand(newest, sources);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        LinkedHashSet<AssociationRef> associations = new LinkedHashSet<>();
        for (IncomingCommand source : sources) {
            CrmRecordUpsert c = source.command();
            if (c.fields() != null) {
                fields.putAll(c.fields());
            }
            if (c.associations() != null) {
                associations.addAll(c.associations());
            }
        }
        CrmRecordUpsert merged = new CrmRecordUpsert(newest.commandId(), newest.tenant(), newest.crmObjectType(),
                newest.recordKey(), fields, List.copyOf(associations), newest.syncMode(), newest.source(),
                newest.sourceUpdatedAt());
        return new CoalescedCommand(merged, sources);
    }
}
