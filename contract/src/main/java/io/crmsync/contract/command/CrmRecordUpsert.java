package io.crmsync.contract.command;

import io.crmsync.contract.model.SourceRef;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Command: make the CRM record named by {@code recordKey} hold {@code fields}. CRM-neutral: the
 * crm-writer's adapters translate field names into HubSpot properties or Salesforce fields.
 *
 * @param commandId       unique per command, for audit and idempotent writes
 * @param recordKey       stable key of the record: the golden-record key for contacts and
 *                        companies, {@code {storeId}:{orderId}} for deals
 * @param fields          neutral field name to value; the schema lists the names per object type
 * @param sourceUpdatedAt the source change this command carries, for sync latency
 */
public record CrmRecordUpsert(
        String commandId,
        String tenant,
        String crmObjectType,
        String recordKey,
        Map<String, String> fields,
        List<AssociationRef> associations,
        SyncMode syncMode,
        SourceRef source,
        Instant sourceUpdatedAt) {

    public static final String CONTACT = "contact";
    public static final String DEAL = "deal";
    public static final String COMPANY = "company";

    /** Kafka key: all commands for one CRM record land on one partition, in order. */
    public String kafkaKey() {
        return tenant + "/" + crmObjectType + "/" + recordKey;
    }
}
