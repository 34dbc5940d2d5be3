package io.crmsync.sandbox.crm.service;

import java.util.List;
import java.util.Map;

/** One entry of {@code errors} in a HubSpot 207 multi-status batch response. */
public record HubSpotBatchError(String status, String category, String message, Map<String, List<String>> context) {

    public static HubSpotBatchError of(String category, String message, Map<String, List<String>> context) {
        return new HubSpotBatchError("error", category, message, context);
    }
}
