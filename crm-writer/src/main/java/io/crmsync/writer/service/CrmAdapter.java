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

    /** Creates or updates the records, each by its record key; commands have distinct keys. */
    UpsertOutcome upsert(TenantCrm crm, String crmObjectType, List<CrmRecordUpsert> commands);

    /** The CRM ids of the records with these keys that exist; absent keys do not. */
    Map<String, String> findIds(TenantCrm crm, String crmObjectType, Collection<String> recordKeys);

    /** Creates the default association for each pair; associating a pair twice changes nothing. */
    void associate(TenantCrm crm, String fromObjectType, String toObjectType, List<IdPair> pairs);

    /** Two CRM ids to associate. */
    record IdPair(String fromId, String toId) {
    }
}
