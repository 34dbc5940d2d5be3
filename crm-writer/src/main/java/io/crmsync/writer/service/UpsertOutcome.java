package io.crmsync.writer.service;

import java.util.Map;

/**
 * What a batch upsert did, by record key.
 *
 * @param written  records the CRM holds now
 * @param rejected records the CRM refused, with its reason
 */
public record UpsertOutcome(Map<String, UpsertedRecord> written, Map<String, String> rejected) {

    public UpsertOutcome {
        written = Map.copyOf(written);
        rejected = Map.copyOf(rejected);
    }

    /** @param created whether the upsert created the record rather than updating it */
    public record UpsertedRecord(String crmId, boolean created) {
    }
}
