package io.crmsync.sandbox.crm.service;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One account's Salesforce records; called only under the account lock. Records merged away stay
 * here, deleted: {@link #findById} still finds them (so callers can answer ENTITY_IS_DELETED), every
 * other lookup, listing and count skips them.
 */
final class SalesforceStore {

    private final Map<String, Map<String, SalesforceRecord>> byType = new TreeMap<>();
    private final Map<String, Long> sequences = new HashMap<>();

    SalesforceRecord create(SalesforceObjectTypes.SObjectType type, Map<String, JsonNode> fields, Instant now) {
        long sequence = sequences.merge(type.name(), 1L, Long::sum);
        SalesforceRecord record = new SalesforceRecord(SalesforceIds.format(type.idPrefix(), sequence), type.name(), now);
        record.write(fields, now);
        byType.computeIfAbsent(type.name(), t -> new LinkedHashMap<>()).put(record.id(), record);
        return record;
    }

    /** Live or deleted. */
    Optional<SalesforceRecord> findById(String sObject, String id) {
        return Optional.ofNullable(records(sObject).get(id));
    }

    /** External ids are case-insensitive unless declared otherwise, which is Salesforce's default. */
    Optional<SalesforceRecord> findByField(String sObject, String field, String value) {
        String wanted = value.toLowerCase(Locale.ROOT);
        for (SalesforceRecord record : live(sObject)) {
            JsonNode actual = record.field(field);
            if (actual != null && !actual.isNull() && wanted.equals(actual.asText().toLowerCase(Locale.ROOT))) {
                return Optional.of(record);
            }
        }
        return Optional.empty();
    }

    /** Live records of an sObject, in creation order. */
    List<SalesforceRecord> list(String sObject) {
        return live(sObject);
    }

    /** Live records of every sObject. */
    List<SalesforceRecord> all() {
        List<SalesforceRecord> all = new ArrayList<>();
        byType.keySet().forEach(type -> all.addAll(live(type)));
        return all;
    }

    Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        byType.keySet().forEach(type -> {
            int live = live(type).size();
            if (live > 0) {
                counts.put(type, live);
            }
        });
        return counts;
    }

    private List<SalesforceRecord> live(String sObject) {
        return records(sObject).values().stream().filter(record -> !record.deleted()).toList();
    }

    private Map<String, SalesforceRecord> records(String sObject) {
        return byType.getOrDefault(sObject, Map.of());
    }
}
