package io.crmsync.sandbox.crm.service;

import java.util.List;
import java.util.Map;

/**
 * One {@code MergeRequest} of a SOAP {@code merge()} call.
 *
 * @param sObject      the master record's {@code type}
 * @param masterId     the master record's {@code Id}; null when the request has none
 * @param masterFields other fields set on the master record: they supersede its values, as an update would
 * @param fieldsToNull fields of the master to clear
 * @param mergeIds     {@code recordToMergeIds}: the records merged into the master
 */
public record SalesforceMergeRequest(String sObject, String masterId, Map<String, String> masterFields,
                                     List<String> fieldsToNull, List<String> mergeIds) {

    public SalesforceMergeRequest {
        masterFields = Map.copyOf(masterFields);
        fieldsToNull = List.copyOf(fieldsToNull);
        mergeIds = List.copyOf(mergeIds);
    }
}
