package io.crmsync.writer.rest;

import io.crmsync.writer.WriteAudit;

import java.time.Instant;

/**
 * One audit row as the admin API shows it. Holds identities (command, source object, record key,
 * CRM id), never record contents: no e-mails or phones.
 *
 * @param source null for commands without a source object (merges, companies)
 */
public record AuditEntryView(long id, String commandId, String tenant, SourceView source, String crmObjectType,
                             String recordKey, String survivingKey, String crmId, String operation, String outcome,
                             String errorClass, int attempt, String traceId, Instant at) {

    /** The storefront object a command derives from. */
    public record SourceView(String platform, String storeId, String objectType, String objectId) {
    }

    static AuditEntryView of(WriteAudit row) {
        SourceView source = row.sourcePlatform == null && row.sourceObjectId == null ? null
                : new SourceView(row.sourcePlatform, row.sourceStoreId, row.sourceObjectType, row.sourceObjectId);
        return new AuditEntryView(row.id, row.commandId, row.tenant, source, row.crmObjectType, row.recordKey,
                row.survivingKey, row.crmId, row.operation, row.outcome, row.errorClass, row.attempt, row.traceId,
                row.at);
    }
}
