package io.crmsync.writer.service;

import io.crmsync.contract.command.CrmRecordUpsert;
import io.crmsync.writer.client.CrmCallException;
import io.crmsync.writer.client.CrmRejectedException;
import io.crmsync.writer.repository.CrmRecordRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes one group (one tenant, one object type) with one batch upsert, learns the CRM ids it
 * returns, then completes the group's associations. Idempotent: records are upserted by their
 * record key, so replaying a command leaves the CRM as it was.
 */
@ApplicationScoped
public class GroupWriter {

    private final CrmCalls calls;
    private final CrmRecordRepository records;
    private final AssociationService associations;
    private final AuditTrail audit;
    private final WriterMetrics metrics;

    public GroupWriter(CrmCalls calls, CrmRecordRepository records, AssociationService associations, AuditTrail audit,
                       WriterMetrics metrics) {
        this.calls = calls;
        this.records = records;
        this.associations = associations;
        this.audit = audit;
        this.metrics = metrics;
    }

    /** @return failures by record key; every other command of the group was written (and settled so) */
    public Map<String, WriteFailure> write(TenantCrm crm, CrmAdapter adapter, WriteGroup group, Settlements settlements) {
        Map<String, WriteFailure> failed = new LinkedHashMap<>();
        List<CoalescedCommand> writable = new ArrayList<>();
        for (CoalescedCommand c : group.commands()) {
            Optional<String> problem = adapter.problem(c.command());
            if (problem.isPresent()) {
                failed.put(c.recordKey(), WriteFailure.deadLetter(ErrorClass.VALIDATION, problem.get()));
            } else {
                writable.add(c);
            }
        }
        Map<String, UpsertOutcome.UpsertedRecord> written = new LinkedHashMap<>();
        upsert(crm, adapter, group.crmObjectType(), writable, written, failed);
        if (written.isEmpty()) {
            return failed;
        }
        Map<String, String> ids = new LinkedHashMap<>();
        written.forEach((key, record) -> ids.put(key, record.crmId()));
        records.remember(crm.tenant(), group.crmObjectType(), ids);

        Map<String, CoalescedCommand> writtenCommands = new LinkedHashMap<>();
        writable.stream().filter(c -> written.containsKey(c.recordKey()))
                .forEach(c -> writtenCommands.put(c.recordKey(), c));
        associations.link(crm, adapter, group.crmObjectType(), writtenCommands, ids)
                .forEach(failed::putIfAbsent);

        Instant now = Instant.now();
        writtenCommands.values().stream().filter(c -> !failed.containsKey(c.recordKey())).forEach(c -> {
            UpsertOutcome.UpsertedRecord record = written.get(c.recordKey());
            for (IncomingCommand source : c.sources()) {
                String outcome = source != c.newest() ? "coalesced" : record.created() ? "created" : "updated";
                metrics.write(crm.tenant(), group.crmObjectType(), outcome);
                settlements.written(source.index(), outcome, record.crmId());
            }
            Instant changed = c.command().sourceUpdatedAt();
            if (changed != null && !changed.isAfter(now)) {
                metrics.syncLatency(crm.tenant(), c.command().syncMode(), Duration.between(changed, now));
            }
        });
        return failed;
    }

    /**
     * One batch upsert through the retry rules. A request HubSpot refuses as a whole (400) is
     * split into one call per record, so only the records at fault are dead-lettered.
     */
    private void upsert(TenantCrm crm, CrmAdapter adapter, String type, List<CoalescedCommand> commands,
                        Map<String, UpsertOutcome.UpsertedRecord> written, Map<String, WriteFailure> failed) {
        if (commands.isEmpty()) {
            return;
        }
        List<CrmRecordUpsert> payload = commands.stream().map(CoalescedCommand::command).toList();
        try {
            UpsertOutcome outcome = calls.call(() -> {
                try {
                    UpsertOutcome result = adapter.upsert(crm, type, payload);
                    audit.upserted(commands, result);
                    return result;
                } catch (CrmCallException e) {
                    audit.upsertFailed(commands, e);
                    throw e;
                }
            });
            written.putAll(outcome.written());
            outcome.rejected().forEach((key, reason) -> failed.put(key, WriteFailure.deadLetter(ErrorClass.VALIDATION, reason)));
        } catch (CrmRejectedException e) {
            if (commands.size() == 1) {
                failed.put(commands.get(0).recordKey(), WriteFailure.of(e));
            } else {
                commands.forEach(c -> upsert(crm, adapter, type, List.of(c), written, failed));
            }
        } catch (CrmCallException e) {
            commands.forEach(c -> failed.put(c.recordKey(), WriteFailure.of(e)));
        }
    }
}
