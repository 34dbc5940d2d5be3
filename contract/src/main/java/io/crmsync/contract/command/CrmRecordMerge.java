package io.crmsync.contract.command;

/**
 * Command: the CRM record of {@code mergedKey} and that of {@code survivingKey} are one person (or
 * company); merge the first into the second. After it, {@code mergedKey} names the surviving
 * record everywhere: commands for it that are still in flight must land on the survivor.
 * <p>
 * Keyed by the <em>merged</em> record ({@link #kafkaKey()}), so it is applied after every earlier
 * command for that record. The survivor may not exist in the CRM yet (its create can be on another
 * partition); the writer then adopts the merged record as the survivor's instead of merging.
 *
 * @param mergeId  the dedup-service's merge record, for audit and undo
 * @param reason   why the two are one: the match rule that joined them ({@code same-email}, ...)
 */
public record CrmRecordMerge(
        String commandId,
        String tenant,
        String crmObjectType,
        String survivingKey,
        String mergedKey,
        String mergeId,
        String reason) {

    /** Kafka key: the merged record's, so the merge follows every earlier command for it. */
    public String kafkaKey() {
        return tenant + "/" + crmObjectType + "/" + mergedKey;
    }
}
