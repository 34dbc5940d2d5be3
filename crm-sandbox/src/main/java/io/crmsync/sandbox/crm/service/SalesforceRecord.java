package io.crmsync.sandbox.crm.service;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A mutable Salesforce record. Only touched while its account's lock is held. */
final class SalesforceRecord {

    private final String id;
    private final String sObject;
    private final Map<String, JsonNode> fields = new LinkedHashMap<>();
    private final Instant createdAt;
    private Instant updatedAt;

    SalesforceRecord(String id, String sObject, Instant createdAt) {
        this.id = id;
        this.sObject = sObject;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    String id() {
        return id;
    }

    JsonNode field(String name) {
        return fields.get(name);
    }

    /** Upsert overwrites the fields sent (null clears one) and leaves the others alone. */
    void write(Map<String, JsonNode> changes, Instant now) {
        fields.putAll(changes);
        updatedAt = now;
    }

    SalesforceObject snapshot() {
        return new SalesforceObject(id, sObject, new LinkedHashMap<>(fields), createdAt, updatedAt);
    }
}
