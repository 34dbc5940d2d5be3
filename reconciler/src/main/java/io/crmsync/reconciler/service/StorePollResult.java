package io.crmsync.reconciler.service;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * What one poll of one object type of one store did.
 *
 * @param published     objects published (broker-acknowledged), also when the poll failed later
 * @param modifiedSince the cursor after the poll (unchanged when it failed); null when skipped
 * @param error         why the poll failed or was skipped; null when it succeeded
 */
public record StorePollResult(String tenant, String storeId, String platform, String objectType,
                              Outcome outcome, int published, Instant modifiedSince, String error) {

    public enum Outcome {
        @JsonProperty("ok") OK,
        @JsonProperty("failed") FAILED,
        @JsonProperty("skipped") SKIPPED
    }

    static StorePollResult skipped(String tenant, String storeId, String platform, String reason) {
        return new StorePollResult(tenant, storeId, platform, null, Outcome.SKIPPED, 0, null, reason);
    }
}
