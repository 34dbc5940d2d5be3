package io.crmsync.sandbox.crm.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One account's HubSpot records. Not thread-safe by itself: {@link HubSpotService} calls it only
 * under the account lock.
 */
final class HubSpotStore {

    private final Map<String, Map<String, HubSpotRecord>> byType = new TreeMap<>();
    /** Ids that disappeared in a merge, pointing to the record that absorbed them (HubSpot still resolves them). */
    private final Map<String, String> mergedInto = new HashMap<>();
    /** One counter for all types so an id never names two records, which would hide client mix-ups. */
    private long nextId = 1;

    HubSpotRecord create(String objectType, Map<String, String> properties, Instant now) {
        HubSpotRecord record = new HubSpotRecord(Long.toString(nextId++), objectType, now);
        record.mergeProperties(properties, now);
        byType.computeIfAbsent(objectType, t -> new LinkedHashMap<>()).put(record.id(), record);
        return record;
    }

    Optional<HubSpotRecord> findById(String objectType, String id) {
        String current = id;
        // Bounded walk: a merged id may itself have absorbed earlier merges.
        for (int hops = 0; current != null && hops < 100; hops++) {
            HubSpotRecord record = records(objectType).get(current);
            if (record != null) {
                return Optional.of(record);
            }
            current = mergedInto.get(current);
        }
        return Optional.empty();
    }

    /**
     * Finds the record whose {@code property} equals {@code value}; e-mail compares
     * case-insensitively, as HubSpot does. A linear scan: sandbox volumes are small.
     */
    Optional<HubSpotRecord> findByProperty(String objectType, String property, String value) {
        boolean email = "email".equals(property);
        String wanted = email ? EmailAddresses.normalize(value) : value;
        for (HubSpotRecord record : records(objectType).values()) {
            String actual = record.property(property);
            if (actual != null && wanted.equals(email ? EmailAddresses.normalize(actual) : actual)) {
                return Optional.of(record);
            }
        }
        if (email) {
            // A contact absorbed by a merge stays reachable by its e-mail, as in HubSpot.
            for (HubSpotRecord record : records(objectType).values()) {
                String additional = record.property("hs_additional_emails");
                if (additional != null) {
                    for (String candidate : additional.split(";")) {
                        if (!candidate.isBlank() && wanted.equals(EmailAddresses.normalize(candidate))) {
                            return Optional.of(record);
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    void removeMerged(HubSpotRecord merged, HubSpotRecord primary) {
        records(merged.objectType()).remove(merged.id());
        mergedInto.put(merged.id(), primary.id());
    }

    List<HubSpotRecord> list(String objectType) {
        return new ArrayList<>(records(objectType).values());
    }

    Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        byType.forEach((type, records) -> counts.put(type, records.size()));
        return counts;
    }

    private Map<String, HubSpotRecord> records(String objectType) {
        return byType.getOrDefault(objectType, Map.of());
    }
}
