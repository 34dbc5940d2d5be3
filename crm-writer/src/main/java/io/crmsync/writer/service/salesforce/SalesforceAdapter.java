package io.crmsync.writer.service.salesforce;

import io.crmsync.commons.tenant.CrmKind;
import io.crmsync.contract.command.CrmRecordUpsert;
import io.crmsync.writer.client.CrmRejectedException;
import io.crmsync.writer.client.SalesforceClient;
import io.crmsync.writer.client.SalesforceWire;
import io.crmsync.writer.service.CrmAdapter;
import io.crmsync.writer.service.TenantCrm;
import io.crmsync.writer.service.UpsertOutcome;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Salesforce: sObject Collections upsert by external id, SOQL lookups by external id, associations
 * as lookup fields written with the Collections update by Id, and merges through the SOAP API (the
 * only place Salesforce offers one). Collections calls use {@code allOrNone: false}, so one bad
 * record never holds the others back.
 */
@ApplicationScoped
public class SalesforceAdapter implements CrmAdapter {

    /** Salesforce's limit on records per Collections call. */
    static final int MAX_COLLECTION_RECORDS = 200;
    /**
     * Keys per SOQL lookup: keeps the URL well below Salesforce's limits, and since external ids are
     * unique a chunk matches at most 100 records, below the smallest query batch (200): one page.
     */
    static final int QUERY_CHUNK = 100;
    private static final String ENTITY_IS_DELETED = "ENTITY_IS_DELETED";

    private final SalesforceClient client;

    public SalesforceAdapter(SalesforceClient client) {
        this.client = client;
    }

    @Override
    public CrmKind kind() {
        return CrmKind.SALESFORCE;
    }

    @Override
    public Optional<String> problem(CrmRecordUpsert command) {
        return SalesforceFields.problem(command);
    }

    @Override
    public Map<String, Object> preview(String crmObjectType, CrmRecordUpsert command) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("sObject", SalesforceFields.sObject(crmObjectType));
        record.put("externalIdField", SalesforceFields.externalIdField(crmObjectType));
        record.put("externalId", command.recordKey());
        record.put("fields", SalesforceFields.fields(command));
        return record;
    }

    @Override
    public UpsertOutcome upsert(TenantCrm crm, String crmObjectType, List<CrmRecordUpsert> commands) {
        String sObject = SalesforceFields.sObject(crmObjectType);
        String externalIdField = SalesforceFields.externalIdField(crmObjectType);
        Map<String, UpsertOutcome.UpsertedRecord> written = new LinkedHashMap<>();
        Map<String, String> rejected = new LinkedHashMap<>();
        for (List<CrmRecordUpsert> chunk : chunks(commands, MAX_COLLECTION_RECORDS)) {
            List<Map<String, Object>> records = chunk.stream().map(SalesforceFields::record).toList();
            List<SalesforceWire.SaveResult> results = client.upsert(crm.tenant(), crm.account(), sObject, externalIdField,
                    new SalesforceWire.CollectionRequest(false, records));
            UpsertOutcome outcome = outcome(chunk, results);
            written.putAll(outcome.written());
            rejected.putAll(outcome.rejected());
        }
        return new UpsertOutcome(written, rejected);
    }

    /** Results come in request order, one per record; a record Salesforce said nothing about is not taken as written. */
    static UpsertOutcome outcome(List<CrmRecordUpsert> commands, List<SalesforceWire.SaveResult> results) {
        Map<String, UpsertOutcome.UpsertedRecord> written = new LinkedHashMap<>();
        Map<String, String> rejected = new LinkedHashMap<>();
        for (int i = 0; i < commands.size(); i++) {
            String key = commands.get(i).recordKey();
            SalesforceWire.SaveResult result = results != null && i < results.size() ? results.get(i) : null;
            if (result == null) {
                rejected.put(key, "Salesforce returned no result for this record");
            } else if (result.success() && result.id() != null) {
                written.put(key, new UpsertOutcome.UpsertedRecord(result.id(), Boolean.TRUE.equals(result.created())));
            } else {
                rejected.put(key, result.describeErrors());
            }
        }
        return new UpsertOutcome(written, rejected);
    }

    /**
     * {@code SELECT Id, <key field> FROM <sObject> WHERE <key field> IN (…)} in chunks. Salesforce
     * matches external ids case-insensitively, so answers are matched back the same way.
     */
    @Override
    public Map<String, String> findIds(TenantCrm crm, String crmObjectType, Collection<String> recordKeys) {
        String sObject = SalesforceFields.sObject(crmObjectType);
        String keyField = SalesforceFields.externalIdField(crmObjectType);
        Map<String, String> ids = new LinkedHashMap<>();
        for (List<String> chunk : chunks(List.copyOf(recordKeys), QUERY_CHUNK)) {
            String soql = "SELECT Id, " + keyField + " FROM " + sObject + " WHERE " + keyField + " IN ("
                    + chunk.stream().map(SalesforceFields::soqlLiteral).collect(Collectors.joining(", ")) + ")";
            Map<String, String> byLowerKey = new LinkedHashMap<>();
            chunk.forEach(key -> byLowerKey.put(key.toLowerCase(Locale.ROOT), key));
            for (Map<String, Object> record : client.query(crm.tenant(), crm.account(), soql).recordsOrEmpty()) {
                Object value = record.get(keyField);
                String key = value == null ? null : byLowerKey.get(value.toString().toLowerCase(Locale.ROOT));
                if (key != null && record.get("Id") != null) {
                    ids.put(key, record.get("Id").toString());
                }
            }
        }
        return ids;
    }

    /**
     * Sets the lookup field on the child record of each pair (Opportunity.ContactId,
     * Opportunity.AccountId, Contact.AccountId) with the Collections update by Id; writing a lookup
     * twice changes nothing. A lookup holds one record, so a child named in several pairs keeps the
     * last (an opportunity has one primary contact). A pair Salesforce refuses (a record merged or
     * deleted since its id was learned) fails the call as a whole, after the others were written, so
     * the writer reads the ids again and repeats it, as it does for HubSpot's refusals.
     */
    @Override
    public void associate(TenantCrm crm, String fromObjectType, String toObjectType, List<IdPair> pairs) {
        if (pairs.isEmpty()) {
            return;
        }
        SalesforceFields.Lookup lookup = SalesforceFields.lookup(fromObjectType, toObjectType).orElseThrow(() ->
                new CrmRejectedException("Salesforce keeps no lookup between " + fromObjectType + " and " + toObjectType,
                        "UNSUPPORTED_ASSOCIATION"));
        String sObject = SalesforceFields.sObject(lookup.childObjectType());
        Map<String, String> parentByChild = new LinkedHashMap<>();
        pairs.forEach(pair -> parentByChild.put(lookup.fromIsChild() ? pair.fromId() : pair.toId(),
                lookup.fromIsChild() ? pair.toId() : pair.fromId()));
        List<Map<String, Object>> records = new ArrayList<>();
        parentByChild.forEach((child, parent) -> records.add(byId(sObject, child, lookup.field(), parent)));
        List<SalesforceWire.SaveResult> refused = new ArrayList<>();
        for (List<Map<String, Object>> chunk : chunks(records, MAX_COLLECTION_RECORDS)) {
            refused.addAll(failures(client.update(crm.tenant(), crm.account(),
                    new SalesforceWire.CollectionRequest(false, chunk)), chunk.size()));
        }
        if (!refused.isEmpty()) {
            throw new CrmRejectedException(refused.size() + " of " + records.size() + " " + sObject + "." + lookup.field()
                    + " lookups were refused: " + refused.get(0).describeErrors(), refused.get(0).firstStatusCode());
        }
    }

    /**
     * The SOAP API's {@code merge()}; the survivor keeps its values, the merged record is deleted and
     * its children move to the survivor. A merge replayed after its answer was lost meets a merged
     * record that is already deleted, and Salesforce faults with {@code ENTITY_IS_DELETED} without
     * saying which of the two ids is; the merge counts as done when the survivor still exists
     * ({@code GET} by its id answers 200), since only the merged record can then be the deleted one.
     */
    @Override
    public void merge(TenantCrm crm, String crmObjectType, String survivingId, String mergedId) {
        String sObject = SalesforceFields.sObject(crmObjectType);
        SalesforceWire.MergeResult result;
        try {
            result = client.merge(crm.tenant(), crm.account(), sObject, survivingId, mergedId);
        } catch (CrmRejectedException refused) {
            if (!ENTITY_IS_DELETED.equals(refused.category())) {
                throw refused;
            }
            try {
                client.get(crm.tenant(), crm.account(), sObject, survivingId);
            } catch (CrmRejectedException survivorGone) {
                throw refused;
            }
            return;
        }
        if (!result.success()) {
            SalesforceWire.Error error = result.errors().isEmpty() ? null : result.errors().get(0);
            throw new CrmRejectedException("merging a " + sObject + " was refused"
                    + (error == null ? "" : ": " + error.statusCode() + ": " + error.message()),
                    error == null ? null : error.statusCode());
        }
    }

    /** Finds the record holding {@code fromKey}, then writes {@code toKey} into its external id field by Id. */
    @Override
    public String rekey(TenantCrm crm, String crmObjectType, String fromKey, String toKey) {
        String id = findIds(crm, crmObjectType, List.of(fromKey)).get(fromKey);
        if (id == null) {
            throw new CrmRejectedException("no " + crmObjectType + " holds the key to re-key", "NOT_FOUND");
        }
        String sObject = SalesforceFields.sObject(crmObjectType);
        List<SalesforceWire.SaveResult> refused = failures(client.update(crm.tenant(), crm.account(),
                new SalesforceWire.CollectionRequest(false, List.of(
                        byId(sObject, id, SalesforceFields.externalIdField(crmObjectType), toKey)))), 1);
        if (!refused.isEmpty()) {
            throw new CrmRejectedException("re-keying a " + crmObjectType + " was refused: " + refused.get(0).describeErrors(),
                    refused.get(0).firstStatusCode());
        }
        return id;
    }

    private static Map<String, Object> byId(String sObject, String id, String field, String value) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("attributes", Map.of("type", sObject));
        record.put("id", id);
        record.put(field, value);
        return record;
    }

    /** The refused results; records without a result count as refused. */
    private static List<SalesforceWire.SaveResult> failures(List<SalesforceWire.SaveResult> results, int sent) {
        List<SalesforceWire.SaveResult> refused = new ArrayList<>();
        for (int i = 0; i < sent; i++) {
            SalesforceWire.SaveResult result = results != null && i < results.size() ? results.get(i) : null;
            if (result == null) {
                refused.add(new SalesforceWire.SaveResult(null, false, List.of(), null));
            } else if (!result.success()) {
                refused.add(result);
            }
        }
        return refused;
    }

    private static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            chunks.add(items.subList(i, Math.min(items.size(), i + size)));
        }
        return chunks;
    }
}
