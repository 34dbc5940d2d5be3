package io.crmsync.sandbox.crm.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Immutable snapshot of a HubSpot record, taken under the account lock so it can be rendered
 * after the lock is released.
 *
 * @param properties   what clients wrote (all values strings, as HubSpot stores them)
 * @param associations associated object type to associated ids
 */
public record HubSpotObject(String id, String objectType, Map<String, String> properties,
                            Instant createdAt, Instant updatedAt, Map<String, List<String>> associations) {
}
