package io.crmsync.sandbox.crm.service;

import java.util.List;

/**
 * One {@code MergeResult}: the master's id, the records merged into it and the related records
 * re-parented to it; on failure {@code success} false and the errors.
 */
public record SalesforceMergeResult(String id, boolean success, List<String> mergedRecordIds,
                                    List<String> updatedRelatedIds, List<SalesforceError> errors) {

    public static SalesforceMergeResult merged(String id, List<String> mergedRecordIds, List<String> updatedRelatedIds) {
        return new SalesforceMergeResult(id, true, List.copyOf(mergedRecordIds), List.copyOf(updatedRelatedIds), List.of());
    }

    /** Failures carry no id, as failed save results do not. */
    public static SalesforceMergeResult failed(List<SalesforceError> errors) {
        return new SalesforceMergeResult(null, false, List.of(), List.of(), List.copyOf(errors));
    }
}
