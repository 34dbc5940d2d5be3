package io.crmsync.sandbox.crm.service;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A mutable Salesforce record. Only touched while its account's lock is held. A record merged
 * into another is deleted: it keeps its fields (Salesforce moves it to the recycle bin) and names
 * its master, but no query, upsert or lookup finds it any more.
 */
final class SalesforceRecord {

    private final String id;
    private final String sObject;
    private final Map<String, JsonNode> fields = new LinkedHashMap<>();
    private final Instant createdAt;
    private Instant updatedAt;
    private String masterRecordId;

    SalesforceRecord(String id, String sObject, Instant createdAt) {
        this.id = id;
        this.sObject = sObject;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    String id() {
        return id;
    }

    String sObject() {
        return sObject;
    }

    JsonNode field(String name) {
        return fields.get(name);
    }

    /** The stored name of a field, matched case-insensitively as Salesforce field names are. */
    String storedName(String name) {
        return fields.keySet().stream().filter(stored -> stored.equalsIgnoreCase(name)).findFirst().orElse(null);
    }

    boolean deleted() {
        return masterRecordId != null;
    }

    /** Upsert and update overwrite the fields sent (null clears one) and leave the others alone. */
    void write(Map<String, JsonNode> changes, Instant now) {
        fields.putAll(changes);
        updatedAt = now;
    }

    /** The merge's victim: deleted, remembering the record it was merged into. */
    void mergeInto(String masterId, Instant now) {
        masterRecordId = masterId;
        updatedAt = now;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    SalesforceObject snapshot() {
        return new SalesforceObject(id, sObject, new LinkedHashMap<>(fields), createdAt, updatedAt);
    }
}
