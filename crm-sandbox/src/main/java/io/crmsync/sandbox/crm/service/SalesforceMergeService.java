package io.crmsync.sandbox.crm.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The SOAP API's {@code merge()}, Salesforce's only merge outside Apex: each request folds one or
 * two records into a master of the same sObject (Lead, Contact or Account). The master keeps its
 * values (fields sent in {@code masterRecord} supersede them, as an update would); the merged
 * records are deleted, remembering their master; every live record whose lookup pointed at a
 * merged record (an Opportunity's AccountId or ContactId, a Contact's AccountId, …) points at the
 * master afterwards. Ids that cannot be merged fail the whole call (a SOAP fault) before any
 * request is applied; each request is then its own transaction, under the account lock.
 */
@ApplicationScoped
public class SalesforceMergeService {

    public static final int MAX_REQUESTS = 200;
    public static final int MAX_MERGED_PER_REQUEST = 2;

    private final AccountRegistry registry;

    public SalesforceMergeService(AccountRegistry registry) {
        this.registry = registry;
    }

    public List<SalesforceMergeResult> merge(String account, List<SalesforceMergeRequest> requests) {
        if (requests.size() > MAX_REQUESTS) {
            throw RequestRejected.validation("EXCEEDED_ID_LIMIT", "Cannot merge more than " + MAX_REQUESTS
                    + " requests in one call");
        }
        AccountState state = registry.account(account);
        return state.withLock(() -> {
            SalesforceStore store = state.salesforce();
            requests.forEach(request -> refuseUnmergeable(store, request));
            List<SalesforceMergeResult> results = new ArrayList<>();
            for (SalesforceMergeRequest request : requests) {
                results.add(apply(store, request, Instant.now()));
            }
            return results;
        });
    }

    /** What makes Salesforce fault the whole call: a type merge does not take, or an id it cannot use. */
    private static void refuseUnmergeable(SalesforceStore store, SalesforceMergeRequest request) {
        String sObject = request.sObject();
        SalesforceObjectTypes.SObjectType type = SalesforceObjectTypes.find(sObject == null ? "" : sObject)
                .orElseThrow(() -> RequestRejected.validation("INVALID_TYPE", sObject == null || sObject.isBlank()
                        ? "Must send a concrete entity type." : "sObject type '" + sObject + "' is not supported."));
        if (!type.mergeable()) {
            throw RequestRejected.validation("INVALID_TYPE", "Cannot merge records of type " + sObject
                    + ": merge supports Lead, Contact and Account");
        }
        if (request.masterId() == null || request.masterId().isBlank()) {
            throw RequestRejected.validation("INVALID_ID_FIELD", "masterRecord: Id not specified");
        }
        List<String> ids = new ArrayList<>();
        ids.add(request.masterId());
        ids.addAll(request.mergeIds());
        for (String id : ids) {
            if (!SalesforceIds.isWellFormed(id) || !SalesforceObjectTypes.ofId(id).map(t -> t == type).orElse(false)) {
                throw RequestRejected.validation("INVALID_ID_FIELD", "Invalid id value for this SObject type: " + id);
            }
            Optional<SalesforceRecord> record = store.findById(type.name(), id);
            if (record.isEmpty()) {
                throw RequestRejected.validation(SalesforceFieldRules.INVALID_CROSS_REFERENCE_KEY,
                        SalesforceFieldRules.CROSS_REFERENCE_MESSAGE + ": " + id);
            }
            if (record.get().deleted()) {
                throw RequestRejected.validation(SalesforceFieldRules.ENTITY_IS_DELETED, SalesforceFieldRules.DELETED_MESSAGE);
            }
        }
    }

    private static SalesforceMergeResult apply(SalesforceStore store, SalesforceMergeRequest request, Instant now) {
        SalesforceObjectTypes.SObjectType type = SalesforceObjectTypes.require(request.sObject());
        String masterId = request.masterId();
        List<String> mergeIds = request.mergeIds();
        if (mergeIds.isEmpty()) {
            return failed("REQUIRED_FIELD_MISSING", "Required fields are missing: [recordToMergeIds]");
        }
        if (mergeIds.size() > MAX_MERGED_PER_REQUEST) {
            return failed("LIMIT_EXCEEDED", "A merge request merges at most " + MAX_MERGED_PER_REQUEST
                    + " records into its master record");
        }
        if (mergeIds.contains(masterId) || new HashSet<>(mergeIds).size() < mergeIds.size()) {
            return failed("INVALID_OPERATION", "Cannot merge a record with itself");
        }
        SalesforceRecord master = store.findById(type.name(), masterId).orElseThrow();
        List<SalesforceRecord> victims = mergeIds.stream().map(id -> store.findById(type.name(), id).orElseThrow()).toList();
        if (master.deleted() || victims.stream().anyMatch(SalesforceRecord::deleted)) {
            // Deleted by an earlier request of this same call.
            return failed(SalesforceFieldRules.ENTITY_IS_DELETED, SalesforceFieldRules.DELETED_MESSAGE);
        }
        Map<String, JsonNode> changes = new LinkedHashMap<>();
        request.masterFields().forEach((field, value) -> changes.put(field, TextNode.valueOf(value)));
        request.fieldsToNull().forEach(field -> changes.put(field, NullNode.getInstance()));
        List<SalesforceError> errors = SalesforceFieldRules.check(store, type, changes);
        if (!errors.isEmpty()) {
            return SalesforceMergeResult.failed(errors);
        }
        if (!changes.isEmpty()) {
            master.write(changes, now);
        }
        victims.forEach(victim -> victim.mergeInto(masterId, now));
        return SalesforceMergeResult.merged(masterId, mergeIds, reparent(store, type, Set.copyOf(mergeIds), masterId, now));
    }

    /** Points every lookup that named a merged record at the master; the ids of the records changed. */
    private static List<String> reparent(SalesforceStore store, SalesforceObjectTypes.SObjectType type,
                                         Set<String> mergedIds, String masterId, Instant now) {
        Set<String> updated = new LinkedHashSet<>();
        for (SalesforceRecord record : store.all()) {
            SalesforceObjectTypes.SObjectType recordType = SalesforceObjectTypes.require(record.sObject());
            Map<String, JsonNode> changes = new LinkedHashMap<>();
            recordType.references().forEach((field, target) -> {
                JsonNode value = record.field(field);
                if (target.equals(type.name()) && value != null && mergedIds.contains(value.asText())) {
                    changes.put(field, TextNode.valueOf(masterId));
                }
            });
            if (!changes.isEmpty()) {
                record.write(changes, now);
                updated.add(record.id());
            }
        }
        return List.copyOf(updated);
    }

    private static SalesforceMergeResult failed(String statusCode, String message) {
        return SalesforceMergeResult.failed(List.of(new SalesforceError(statusCode, message, List.of())));
    }
}
