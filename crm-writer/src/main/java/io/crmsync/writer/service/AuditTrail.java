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
 * Writes {@code write_audit}: a row per consumed command for every attempt, and one for its final
 * disposition when it is dead-lettered.
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
 *   <li>{@code dead-letter}: {@code dead-lettered}, with the DLQ error class.</li>
 * </ul>
 */
@ApplicationScoped
public class AuditTrail {

    public static final String UPSERT = "upsert";
    public static final String ASSOCIATE = "associate";
    public static final String MERGE = "merge";
    public static final String DEAD_LETTER = "dead-letter";

    private final WriteAuditRepository repository;

    public AuditTrail(WriteAuditRepository repository) {
        this.repository = repository;
    }

    public void upserted(List<CoalescedCommand> commands, UpsertOutcome outcome, int attempt) {
        List<WriteAudit> rows = new ArrayList<>();
        for (CoalescedCommand c : commands) {
            UpsertOutcome.UpsertedRecord written = outcome.written().get(c.recordKey());
            for (IncomingCommand source : c.sources()) {
                if (written == null) {
                    rows.add(row(source, null, UPSERT, "rejected", ErrorClass.VALIDATION, attempt));
                } else if (source != c.newest()) {
                    rows.add(row(source, written.crmId(), UPSERT, "coalesced", null, attempt));
                } else {
                    rows.add(row(source, written.crmId(), UPSERT, written.created() ? "created" : "updated", null, attempt));
                }
            }
        }
        repository.append(rows);
    }

    public void upsertFailed(List<CoalescedCommand> commands, CrmCallException failure, int attempt) {
        String outcome = failure instanceof CrmRateLimitedException ? "rate-limited" : "failed";
        List<WriteAudit> rows = new ArrayList<>();
        for (CoalescedCommand c : commands) {
            for (IncomingCommand source : c.sources()) {
                rows.add(row(source, null, UPSERT, outcome, failure.kind(), attempt));
            }
        }
        repository.append(rows);
    }

    /** One association step of the command that wrote record {@code crmId}. */
    public void association(CoalescedCommand command, String crmId, String outcome, String errorClass, int attempt) {
        repository.append(List.of(row(command.newest(), crmId, ASSOCIATE, outcome, errorClass, attempt)));
    }

    public void deadLettered(CoalescedCommand command, DeadLetter deadLetter) {
        List<WriteAudit> rows = new ArrayList<>();
        for (IncomingCommand source : command.sources()) {
            rows.add(row(source, null, DEAD_LETTER, "dead-lettered", deadLetter.errorClass(), 0));
        }
        repository.append(rows);
    }

    /** One attempt of a merge command, or what it came to; {@code crmId} is the survivor's. */
    public void merge(IncomingMerge source, String crmId, String outcome, String errorClass, int attempt) {
        repository.append(List.of(mergeRow(source, crmId, MERGE, outcome, errorClass, attempt)));
    }

    public void mergeFailed(IncomingMerge source, CrmCallException failure, int attempt) {
        merge(source, null, failure instanceof CrmRateLimitedException ? "rate-limited" : "failed", failure.kind(), attempt);
    }

    public void deadLettered(IncomingMerge source, DeadLetter deadLetter) {
        repository.append(List.of(mergeRow(source, null, DEAD_LETTER, "dead-lettered", deadLetter.errorClass(), 0)));
    }

    private static WriteAudit mergeRow(IncomingMerge source, String crmId, String operation, String outcome,
                                       String errorClass, int attempt) {
        CrmRecordMerge command = source.merge();
        WriteAudit row = attempt(command.commandId(), command.tenant(), command.crmObjectType(), command.mergedKey(),
                source.traceId(), crmId, operation, outcome, errorClass, attempt);
        row.survivingKey = command.survivingKey();
        return row;
    }

    private static WriteAudit row(IncomingCommand source, String crmId, String operation, String outcome,
                                  String errorClass, int attempt) {
        CrmRecordUpsert command = source.command();
        WriteAudit row = attempt(command.commandId(), command.tenant(), command.crmObjectType(), command.recordKey(),
                source.traceId(), crmId, operation, outcome, errorClass, attempt);
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
