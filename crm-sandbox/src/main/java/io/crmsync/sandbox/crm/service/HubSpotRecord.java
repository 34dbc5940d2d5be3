package io.crmsync.sandbox.crm.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A mutable HubSpot record. Only touched while its account's lock is held. */
final class HubSpotRecord {

    private final String id;
    private final String objectType;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Map<String, Set<String>> associations = new TreeMap<>();
    private final Instant createdAt;
    private Instant updatedAt;

    HubSpotRecord(String id, String objectType, Instant createdAt) {
        this.id = id;
        this.objectType = objectType;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    String id() {
        return id;
    }

    String objectType() {
        return objectType;
    }

    String property(String name) {
        return properties.get(name);
    }

    Map<String, String> properties() {
        return properties;
    }

    /** HubSpot overwrites only the properties sent; the others keep their values. */
    void mergeProperties(Map<String, String> changes, Instant now) {
        properties.putAll(changes);
        updatedAt = now;
    }

    void touch(Instant now) {
        updatedAt = now;
    }

    Map<String, Set<String>> associations() {
        return associations;
    }

    void associate(String toType, String toId) {
        associations.computeIfAbsent(toType, t -> new LinkedHashSet<>()).add(toId);
    }

    void dissociate(String toType, String toId) {
        Set<String> ids = associations.get(toType);
        if (ids != null) {
            ids.remove(toId);
            if (ids.isEmpty()) {
                associations.remove(toType);
            }
        }
    }

    HubSpotObject snapshot() {
        Map<String, List<String>> assoc = new TreeMap<>();
        associations.forEach((type, ids) -> assoc.put(type, List.copyOf(ids)));
        return new HubSpotObject(id, objectType, new LinkedHashMap<>(properties), createdAt, updatedAt, assoc);
    }
}
