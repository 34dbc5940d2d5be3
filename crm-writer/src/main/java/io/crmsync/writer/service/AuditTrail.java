package io.crmsync.writer.service;

import io.crmsync.contract.command.CrmRecordMerge;
import io.crmsync.contract.command.CrmRecordUpsert;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.writer.WriteAudit;
import io.crmsync.writer.client.CrmCallException;
import io.crmsync.writer.client.CrmRateLimitedException;
import io.crmsync.writer.repository.WriteAuditRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code write_audit}: a row per command for every CRM call made for it (with the lane's
 * attempt number: 1 for the first drain, then one more per retry), and one for what the lane did
 * when it failed.
 * <ul>
 *   <li>{@code upsert}: {@code created}, {@code updated}, {@code coalesced} (a later command for the
 *   same record in the batch was written instead), {@code rejected}, {@code rate-limited},
 *   {@code failed};</li>
 *   <li>{@code associate}: {@code associated}, {@code pending} (the target does not exist yet),
 *   {@code failed};</li>
 *   <li>{@code merge} (record key: the merged key, {@code surviving_key} the survivor): {@code merged}
 *   (the CRM merged the two records), {@code adopted} (only the merged record existed: it is the
 *   survivor's now), {@code aliased} (the merged record never reached the CRM), {@code replayed}
 *   (the two keys already name one record: nothing to do), {@code rate-limited}, {@code failed};</li>
 *   <li>{@code disposition}: what the lane did with a failed command: {@code dead-lettered} (with
 *   the DLQ error class), {@code retry-scheduled}, {@code paused} (its tenant paused; it waits);</li>
 *   <li>dry-run tenants: {@code upsert}/{@code merge} rows with outcome {@code dry-run} (or
 *   {@code rejected}) and in {@code detail} the record as the CRM would have received it.</li>
 * </ul>
 */
@ApplicationScoped
public class AuditTrail {

    public static final String UPSERT = "upsert";
    public static final String ASSOCIATE = "associate";
    public static final String MERGE = "merge";
    public static final String DISPOSITION = "disposition";

    private final WriteAuditRepository repository;

    public AuditTrail(WriteAuditRepository repository) {
        this.repository = repository;
    }

    public void upserted(List<CoalescedCommand> commands, UpsertOutcome outcome) {
        List<WriteAudit> rows = new ArrayList<>();
        for (CoalescedCommand c : commands) {
            UpsertOutcome.UpsertedRecord written = outcome.written().get(c.recordKey());
            for (IncomingCommand source : c.sources()) {
                if (written == null) {
                    rows.add(row(source, null, UPSERT, "rejected", ErrorClass.VALIDATION));
                } else if (source != c.newest()) {
                    rows.add(row(source, written.crmId(), UPSERT, "coalesced", null));
                } else {
                    rows.add(row(source, written.crmId(), UPSERT, written.created() ? "created" : "updated", null));
                }
            }
        }
        repository.append(rows);
    }

    public void upsertFailed(List<CoalescedCommand> commands, CrmCallException failure) {
        String outcome = failure instanceof CrmRateLimitedException ? "rate-limited" : "failed";
        List<WriteAudit> rows = new ArrayList<>();
        for (CoalescedCommand c : commands) {
            for (IncomingCommand source : c.sources()) {
                rows.add(row(source, null, UPSERT, outcome, failure.kind()));
            }
        }
        repository.append(rows);
    }

    /** Dry-run: what would have been sent ({@code detail}), nothing sent. */
    public void dryRun(CoalescedCommand command, String outcome, String errorClass, String detail) {
        List<WriteAudit> rows = new ArrayList<>();
        for (IncomingCommand source : command.sources()) {
            WriteAudit row = row(source, null, UPSERT, outcome, errorClass);
            row.detail = detail;
            rows.add(row);
        }
        repository.append(rows);
    }

    /** One association step of the command that wrote record {@code crmId}. */
    public void association(CoalescedCommand command, String crmId, String outcome, String errorClass) {
        repository.append(List.of(row(command.newest(), crmId, ASSOCIATE, outcome, errorClass)));
    }

    /**
     * What the lane did with a command that failed: {@code dead-lettered}, {@code retry-scheduled}
     * or {@code paused} (the tenant paused; it waits).
     */
    public void disposition(IncomingCommand source, String outcome, String errorClass) {
        repository.append(List.of(row(source, null, DISPOSITION, outcome, errorClass)));
    }

    /** One attempt of a merge command, or what it came to; {@code crmId} is the survivor's. */
    public void merge(IncomingMerge source, String crmId, String outcome, String errorClass) {
        repository.append(List.of(mergeRow(source, crmId, MERGE, outcome, errorClass)));
    }

    public void mergeFailed(IncomingMerge source, CrmCallException failure) {
        merge(source, null, failure instanceof CrmRateLimitedException ? "rate-limited" : "failed", failure.kind());
    }

    public void disposition(IncomingMerge source, String outcome, String errorClass) {
        repository.append(List.of(mergeRow(source, null, DISPOSITION, outcome, errorClass)));
    }

    private static WriteAudit mergeRow(IncomingMerge source, String crmId, String operation, String outcome,
                                       String errorClass) {
        CrmRecordMerge command = source.merge();
        WriteAudit row = attempt(command.commandId(), command.tenant(), command.crmObjectType(), command.mergedKey(),
                source.traceId(), crmId, operation, outcome, errorClass, source.attempt());
        row.survivingKey = command.survivingKey();
        return row;
    }

    private static WriteAudit row(IncomingCommand source, String crmId, String operation, String outcome,
                                  String errorClass) {
        CrmRecordUpsert command = source.command();
        WriteAudit row = attempt(command.commandId(), command.tenant(), command.crmObjectType(), command.recordKey(),
                source.traceId(), crmId, operation, outcome, errorClass, source.attempt());
        SourceRef ref = command.source();
        if (ref != null) {
            row.sourcePlatform = ref.platform();
            row.sourceStoreId = ref.storeId();
            row.sourceObjectType = ref.objectType();
            row.sourceObjectId = ref.objectId();
        }
        return row;
    }

    /** What every audit row holds, whatever the command: which record, which attempt, its outcome. */
    private static WriteAudit attempt(String commandId, String tenant, String crmObjectType, String recordKey,
                                      String traceId, String crmId, String operation, String outcome,
                                      String errorClass, int attempt) {
        WriteAudit row = new WriteAudit();
        row.commandId = commandId;
        row.tenant = tenant;
        row.crmObjectType = crmObjectType;
        row.recordKey = recordKey;
        row.traceId = traceId;
        row.crmId = crmId;
        row.operation = operation;
        row.outcome = outcome;
        row.errorClass = errorClass;
        row.attempt = attempt;
        row.at = Instant.now();
        return row;
    }
}
