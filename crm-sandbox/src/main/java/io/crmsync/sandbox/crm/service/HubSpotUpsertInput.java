package io.crmsync.sandbox.crm.service;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * One entry of {@code inputs} in a HubSpot batch upsert. Property values stay JSON nodes so the
 * service can refuse the ones HubSpot refuses (objects, arrays, null).
 */
public record HubSpotUpsertInput(String id, String idProperty, Map<String, JsonNode> properties,
                                 String objectWriteTraceId) {
}
