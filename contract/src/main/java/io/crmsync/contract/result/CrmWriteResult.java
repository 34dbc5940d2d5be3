package io.crmsync.contract.result;

import io.crmsync.contract.command.SyncMode;
import io.crmsync.contract.model.SourceRef;

import java.time.Instant;

/**
 * Event: what became of one consumed CRM command. The crm-writer publishes one per command once it
 * is settled (written, coalesced into a newer command for the same record, merged, dead-lettered, or
 * computed without sending in dry-run), so the reconciler can compare what the stores hold with what
 * reached the CRM.
 *
 * @param commandId the command this result settles ({@code CrmRecordUpsert} or {@code CrmRecordMerge})
 * @param recordKey the record written; for a merge the merged key
 * @param operation {@code upsert} or {@code merge}
 * @param outcome   {@code created|updated|coalesced|dry-run|dead-lettered} for upserts,
 *                  {@code merged|adopted|aliased|replayed|dry-run|dead-lettered} for merges
 * @param crmId     the CRM's id of the record (a merge: the survivor's), when known
 * @param errorClass the dead-letter class when {@code outcome} is {@code dead-lettered}
 * @param attempts  how many times the writer tried
 * @param source    the store object the command came from, when it came from one
 */
public record CrmWriteResult(
        String commandId,
        String tenant,
        String crmObjectType,
        String recordKey,
        String operation,
        String outcome,
        String crmId,
        String errorClass,
        int attempts,
        SyncMode syncMode,
        SourceRef source,
        Instant sourceUpdatedAt,
        Instant settledAt) {

    public static final String UPSERT = "upsert";
    public static final String MERGE = "merge";
    public static final String DEAD_LETTERED = "dead-lettered";
    public static final String DRY_RUN = "dry-run";

    /** Kafka key: the record's, like the command's. */
    public String kafkaKey() {
        return tenant + "/" + crmObjectType + "/" + recordKey;
    }
}
