package io.crmsync.sandbox.crm.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Salesforce REST semantics over the in-memory store: sObject Collections upsert by an external
 * id field and update by Id (both with per-record errors and allOrNone rollback), and record reads
 * by Id or external id.
 */
@ApplicationScoped
public class SalesforceService {

    public static final int MAX_COLLECTION_RECORDS = 200;
    /** An Opportunity created with this field set to {@value #BACKFILL} does not trigger the automation. */
    public static final String SYNC_MODE_FIELD = "CrmSync_Sync_Mode__c";
    public static final String BACKFILL = "backfill";

    private static final String ROLLED_BACK_MESSAGE =
            "Record rolled back because not all records were valid and the request was using AllOrNone header";

    private final AccountRegistry registry;

    public SalesforceService(AccountRegistry registry) {
        this.registry = registry;
    }

    /**
     * {@code PATCH /composite/sobjects/{sObject}/{externalIdField}}: one save result per record,
     * in request order. With {@code allOrNone} a single invalid record rolls the whole call back.
     */
    public List<SalesforceSaveResult> upsert(String account, String sObject, String externalIdField,
                                             boolean allOrNone, List<JsonNode> records) {
        SalesforceObjectTypes.SObjectType type = SalesforceObjectTypes.require(sObject);
        requireExternalIdField(externalIdField);
        if (records.size() > MAX_COLLECTION_RECORDS) {
            throw RequestRejected.validation("EXCEEDED_ID_LIMIT",
                    "record limit reached. cannot submit more than " + MAX_COLLECTION_RECORDS + " records into this call");
        }
        AccountState state = registry.account(account);
        return state.withLock(() -> {
            SalesforceStore store = state.salesforce();
            Map<String, Integer> keyCounts = countKeys(records, externalIdField);
            List<PlannedWrite> plan = new ArrayList<>();
            SalesforceSaveResult[] results = new SalesforceSaveResult[records.size()];
            for (int i = 0; i < records.size(); i++) {
                PlannedWrite write = planWrite(store, type, externalIdField, records.get(i), keyCounts);
                if (write.errors().isEmpty()) {
                    plan.add(write.withIndex(i));
                } else {
                    results[i] = SalesforceSaveResult.failed(write.errors());
                }
            }
            boolean anyFailed = plan.size() < records.size();
            if (allOrNone && anyFailed) {
                SalesforceError rolledBack = new SalesforceError("ALL_OR_NONE_OPERATION_ROLLED_BACK", ROLLED_BACK_MESSAGE, List.of());
                plan.forEach(write -> results[write.index()] = SalesforceSaveResult.failed(List.of(rolledBack)));
            } else {
                Instant now = Instant.now();
                plan.forEach(write -> results[write.index()] = apply(state, store, type, write, now));
            }
            return List.of(results);
        });
    }

    /**
     * {@code PATCH /composite/sobjects}: updates records of any sObject by their {@code id}, one save
     * result per record in request order; with {@code allOrNone} a single invalid record rolls the
     * whole call back. Updates never fire automations.
     */
    public List<SalesforceSaveResult> update(String account, boolean allOrNone, List<JsonNode> records) {
        if (records.size() > MAX_COLLECTION_RECORDS) {
            throw RequestRejected.validation("EXCEEDED_ID_LIMIT",
                    "record limit reached. cannot submit more than " + MAX_COLLECTION_RECORDS + " records into this call");
        }
        AccountState state = registry.account(account);
        return state.withLock(() -> {
            SalesforceStore store = state.salesforce();
            List<PlannedWrite> plan = new ArrayList<>();
            SalesforceSaveResult[] results = new SalesforceSaveResult[records.size()];
            for (int i = 0; i < records.size(); i++) {
                PlannedWrite write = planUpdate(store, records.get(i));
                if (write.errors().isEmpty()) {
                    plan.add(write.withIndex(i));
                } else {
                    results[i] = SalesforceSaveResult.failed(write.errors());
                }
            }
            if (allOrNone && plan.size() < records.size()) {
                SalesforceError rolledBack = new SalesforceError("ALL_OR_NONE_OPERATION_ROLLED_BACK", ROLLED_BACK_MESSAGE, List.of());
                plan.forEach(write -> results[write.index()] = SalesforceSaveResult.failed(List.of(rolledBack)));
            } else {
                Instant now = Instant.now();
                plan.forEach(write -> {
                    write.existing().write(write.fields(), now);
                    results[write.index()] = SalesforceSaveResult.updated(write.existing().id());
                });
            }
            return List.of(results);
        });
    }

    public SalesforceObject get(String account, String sObject, String id) {
        SalesforceObjectTypes.require(sObject);
        AccountState state = registry.account(account);
        return state.withLock(() -> {
            SalesforceRecord record = state.salesforce().findById(sObject, id).orElseThrow(SalesforceService::recordNotFound);
            if (record.deleted()) {
                // A record merged away is in the recycle bin: Salesforce says so rather than NOT_FOUND.
                throw RequestRejected.notFound(SalesforceFieldRules.ENTITY_IS_DELETED, SalesforceFieldRules.DELETED_MESSAGE);
            }
            return record.snapshot();
        });
    }

    public SalesforceObject getByExternalId(String account, String sObject, String field, String value) {
        SalesforceObjectTypes.require(sObject);
        requireExternalIdField(field);
        AccountState state = registry.account(account);
        return state.withLock(() -> state.salesforce().findByField(sObject, field, value)
                .map(SalesforceRecord::snapshot)
                .orElseThrow(SalesforceService::recordNotFound));
    }

    /** Snapshot of every record of an sObject, in creation order (for the sandbox inspection endpoint). */
    public List<SalesforceObject> list(String account, String sObject) {
        return registry.find(account)
                .map(state -> state.withLock(() -> state.salesforce().list(sObject).stream()
                        .map(SalesforceRecord::snapshot)
                        .toList()))
                .orElse(List.of());
    }

    /** The record named by {@code id} (its type from {@code attributes.type}) and the fields to write, or why not. */
    private PlannedWrite planUpdate(SalesforceStore store, JsonNode record) {
        List<SalesforceError> errors = new ArrayList<>();
        if (record == null || !record.isObject()) {
            errors.add(new SalesforceError("INVALID_INPUT", "Each record must be a JSON object", List.of()));
            return new PlannedWrite(-1, null, null, Map.of(), errors);
        }
        String typeName = record.path("attributes").path("type").asText("");
        Optional<SalesforceObjectTypes.SObjectType> type = SalesforceObjectTypes.find(typeName);
        if (type.isEmpty()) {
            errors.add(new SalesforceError("INVALID_TYPE", typeName.isEmpty() ? "Must send a concrete entity type."
                    : "sObject type '" + typeName + "' is not supported.", List.of()));
            return new PlannedWrite(-1, null, null, Map.of(), errors);
        }
        String id = scalar(record.has("id") ? record.get("id") : record.get("Id"));
        Optional<SalesforceRecord> existing = Optional.empty();
        if (id == null || id.isBlank()) {
            errors.add(new SalesforceError("MISSING_ARGUMENT", "Id not specified in an update call", List.of()));
        } else if (!SalesforceIds.isWellFormed(id)) {
            errors.add(new SalesforceError("MALFORMED_ID", "malformed id " + id, List.of("Id")));
        } else if (!SalesforceObjectTypes.ofId(id).map(t -> t.name().equals(typeName)).orElse(false)) {
            errors.add(new SalesforceError("MALFORMED_ID", typeName + " ID: id value of incorrect type: " + id, List.of("Id")));
        } else {
            existing = store.findById(typeName, id);
            if (existing.isEmpty()) {
                errors.add(new SalesforceError(SalesforceFieldRules.INVALID_CROSS_REFERENCE_KEY,
                        SalesforceFieldRules.CROSS_REFERENCE_MESSAGE, List.of()));
            } else if (existing.get().deleted()) {
                errors.add(new SalesforceError(SalesforceFieldRules.ENTITY_IS_DELETED, SalesforceFieldRules.DELETED_MESSAGE,
                        List.of()));
            }
        }
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> entries = record.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String name = entry.getKey();
            JsonNode value = entry.getValue();
            if ("attributes".equals(name) || "id".equals(name) || "Id".equals(name)) {
                continue;
            }
            if (value.isObject()) {
                resolveReference(store, name, value, fields, errors);
            } else if (value.isArray()) {
                errors.add(new SalesforceError("INVALID_FIELD",
                        "Cannot deserialize instance of " + name + " from START_ARRAY value", List.of(name)));
            } else {
                fields.put(name, value);
            }
        }
        List<String> cleared = type.get().requiredOnCreate().stream()
                .filter(field -> fields.containsKey(field) && isBlank(fields.get(field)))
                .toList();
        if (!cleared.isEmpty()) {
            errors.add(new SalesforceError("REQUIRED_FIELD_MISSING", "Required fields are missing: " + cleared, cleared));
        }
        errors.addAll(SalesforceFieldRules.check(store, type.get(), fields));
        return new PlannedWrite(-1, existing.orElse(null), id, fields, errors);
    }

    private PlannedWrite planWrite(SalesforceStore store, SalesforceObjectTypes.SObjectType type,
                                   String externalIdField, JsonNode record, Map<String, Integer> keyCounts) {
        List<SalesforceError> errors = new ArrayList<>();
        if (record == null || !record.isObject()) {
            errors.add(new SalesforceError("INVALID_INPUT", "Each record must be a JSON object", List.of()));
            return new PlannedWrite(-1, null, null, Map.of(), errors);
        }
        String key = externalIdValue(record, externalIdField);
        if (key == null) {
            errors.add(new SalesforceError("MISSING_ARGUMENT", externalIdField + " not specified", List.of()));
        } else if (keyCounts.getOrDefault(key.toLowerCase(Locale.ROOT), 0) > 1) {
            errors.add(new SalesforceError("DUPLICATE_VALUE", "Duplicate external id specified: " + key,
                    List.of(externalIdField)));
        }
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> entries = record.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String name = entry.getKey();
            JsonNode value = entry.getValue();
            if ("attributes".equals(name) || "Id".equals(name)) {
                continue;
            }
            if (value.isObject()) {
                resolveReference(store, name, value, fields, errors);
            } else if (value.isArray()) {
                errors.add(new SalesforceError("INVALID_FIELD",
                        "Cannot deserialize instance of " + name + " from START_ARRAY value", List.of(name)));
            } else {
                fields.put(name, value);
            }
        }
        errors.addAll(SalesforceFieldRules.check(store, type, fields));
        Optional<SalesforceRecord> existing = key == null ? Optional.empty()
                : store.findByField(type.name(), externalIdField, key);
        if (existing.isEmpty()) {
            List<String> missing = type.requiredOnCreate().stream()
                    .filter(field -> isBlank(fields.get(field)))
                    .toList();
            if (!missing.isEmpty()) {
                errors.add(new SalesforceError("REQUIRED_FIELD_MISSING", "Required fields are missing: " + missing, missing));
            }
        }
        return new PlannedWrite(-1, existing.orElse(null), key, fields, errors);
    }

    /**
     * A relationship field such as {@code "Account": {"CrmSync_Key__c": "gr_9"}} points at another
     * record by its external id; Salesforce stores the resolved id in {@code AccountId}.
     */
    private static void resolveReference(SalesforceStore store, String relationship, JsonNode reference,
                                         Map<String, JsonNode> fields, List<SalesforceError> errors) {
        String target = reference.path("attributes").path("type").asText(relationship.endsWith("__r") ? "" : relationship);
        Map.Entry<String, JsonNode> key = null;
        Iterator<Map.Entry<String, JsonNode>> entries = reference.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (!"attributes".equals(entry.getKey())) {
                key = entry;
            }
        }
        if (SalesforceObjectTypes.find(target).isEmpty() || key == null || !key.getValue().isValueNode()) {
            errors.add(new SalesforceError("INVALID_FIELD",
                    "Invalid foreign key relationship name " + relationship, List.of(relationship)));
            return;
        }
        String field = key.getKey();
        String value = key.getValue().asText();
        Optional<SalesforceRecord> referenced = store.findByField(target, field, value);
        if (referenced.isEmpty()) {
            errors.add(new SalesforceError("INVALID_FIELD", "Foreign key external ID: " + value
                    + " not found for field " + field + " in entity " + target, List.of()));
            return;
        }
        String idField = relationship.endsWith("__r")
                ? relationship.substring(0, relationship.length() - 3) + "__c"
                : relationship + "Id";
        fields.put(idField, TextNode.valueOf(referenced.get().id()));
    }

    private static SalesforceSaveResult apply(AccountState state, SalesforceStore store,
                                              SalesforceObjectTypes.SObjectType type, PlannedWrite write, Instant now) {
        if (write.existing() != null) {
            write.existing().write(write.fields(), now);
            return SalesforceSaveResult.saved(write.existing().id(), false);
        }
        SalesforceRecord created = store.create(type, write.fields(), now);
        JsonNode syncMode = created.field(SYNC_MODE_FIELD);
        boolean backfill = syncMode != null && BACKFILL.equalsIgnoreCase(syncMode.asText());
        if (SalesforceObjectTypes.OPPORTUNITY.equals(type.name()) && !backfill) {
            state.automationFired();
        }
        return SalesforceSaveResult.saved(created.id(), true);
    }

    private static Map<String, Integer> countKeys(List<JsonNode> records, String externalIdField) {
        Map<String, Integer> counts = new HashMap<>();
        for (JsonNode record : records) {
            String key = record == null ? null : externalIdValue(record, externalIdField);
            if (key != null) {
                counts.merge(key.toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static String scalar(JsonNode value) {
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
    }

    private static String externalIdValue(JsonNode record, String externalIdField) {
        JsonNode value = record.get(externalIdField);
        if (value == null || value.isNull() || !value.isValueNode() || value.asText().isBlank()) {
            return null;
        }
        return value.asText();
    }

    /** Only custom fields (…__c) can be declared external ids, so anything else is unknown to Salesforce. */
    private static void requireExternalIdField(String field) {
        if (field == null || !field.endsWith("__c") || field.length() <= 3) {
            throw RequestRejected.notFound("Provided external ID field does not exist or is not accessible: " + field);
        }
    }

    private static RequestRejected recordNotFound() {
        return RequestRejected.notFound("The requested resource does not exist");
    }

    private static boolean isBlank(JsonNode value) {
        return value == null || value.isNull() || value.asText().isBlank();
    }

    private record PlannedWrite(int index, SalesforceRecord existing, String key, Map<String, JsonNode> fields,
                                List<SalesforceError> errors) {

        PlannedWrite withIndex(int i) {
            return new PlannedWrite(i, existing, key, fields, errors);
        }
    }
}
