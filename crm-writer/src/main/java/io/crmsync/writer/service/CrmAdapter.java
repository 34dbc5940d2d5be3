package io.crmsync.writer.service;

import io.crmsync.commons.tenant.CrmKind;
import io.crmsync.contract.command.CrmRecordUpsert;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Translates CRM-neutral commands into one CRM's API. Object types are the contract's
 * ({@code contact}, {@code deal}, {@code company}); records are named by their record keys, which
 * the adapter stores in a unique CRM property so that upserts are idempotent. Calls throw the
 * {@code io.crmsync.writer.client.CrmCallException} kinds and never retry.
 */
public interface CrmAdapter {

    CrmKind kind();

    /** Why this command cannot be written to this CRM at all, found before any call. */
    Optional<String> problem(CrmRecordUpsert command);

    /**
     * The record as this CRM would receive it (object type, unique key and fields by CRM name),
     * without sending anything: what dry-run mode audits.
     */
    Map<String, Object> preview(String crmObjectType, CrmRecordUpsert command);

    /** Creates or updates the records, each by its record key; commands have distinct keys. */
    UpsertOutcome upsert(TenantCrm crm, String crmObjectType, List<CrmRecordUpsert> commands);

    /** The CRM ids of the records with these keys that exist; absent keys do not. */
    Map<String, String> findIds(TenantCrm crm, String crmObjectType, Collection<String> recordKeys);

    /** Creates the default association for each pair; associating a pair twice changes nothing. */
    void associate(TenantCrm crm, String fromObjectType, String toObjectType, List<IdPair> pairs);

    /**
     * Merges the record {@code mergedId} into {@code survivingId}: one record remains, holding the
     * associations of both. Merging a pair already merged changes nothing.
     */
    void merge(TenantCrm crm, String crmObjectType, String survivingId, String mergedId);

    /**
     * Gives the record that holds record key {@code fromKey} the key {@code toKey} (a survivor
     * adopting a merged record), so that upserts by {@code toKey} find it.
     *
     * @return its CRM id
     */
    String rekey(TenantCrm crm, String crmObjectType, String fromKey, String toKey);

    /** Two CRM ids to associate. */
    record IdPair(String fromId, String toId) {
    }
}
