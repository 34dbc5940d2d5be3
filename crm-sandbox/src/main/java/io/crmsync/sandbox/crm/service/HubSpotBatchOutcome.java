package io.crmsync.sandbox.crm.service;

import java.time.Instant;
import java.util.List;

/** Results and per-input errors of one HubSpot batch call; any error makes the response a 207. */
public record HubSpotBatchOutcome<T>(List<T> results, List<HubSpotBatchError> errors,
                                     Instant startedAt, Instant completedAt) {

    public boolean partial() {
        return !errors.isEmpty();
    }
}
