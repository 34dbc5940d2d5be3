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

/** One account's Salesforce records; called only under the account lock. */
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

    Optional<SalesforceRecord> findById(String sObject, String id) {
        return Optional.ofNullable(records(sObject).get(id));
    }

    /** External ids are case-insensitive unless declared otherwise, which is Salesforce's default. */
    Optional<SalesforceRecord> findByField(String sObject, String field, String value) {
        String wanted = value.toLowerCase(Locale.ROOT);
        for (SalesforceRecord record : records(sObject).values()) {
            JsonNode actual = record.field(field);
            if (actual != null && !actual.isNull() && wanted.equals(actual.asText().toLowerCase(Locale.ROOT))) {
                return Optional.of(record);
            }
        }
        return Optional.empty();
    }

    List<SalesforceRecord> list(String sObject) {
        return new ArrayList<>(records(sObject).values());
    }

    Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        byType.forEach((type, records) -> counts.put(type, records.size()));
        return counts;
    }

    private Map<String, SalesforceRecord> records(String sObject) {
        return byType.getOrDefault(sObject, Map.of());
    }
}
