package io.crmsync.sandbox.crm.service;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Map;

/**
 * Immutable snapshot of a Salesforce record taken under the account lock.
 *
 * @param fields the fields as written (JSON values keep their types, as Salesforce returns them)
 */
public record SalesforceObject(String id, String sObject, Map<String, JsonNode> fields,
                               Instant createdAt, Instant updatedAt) {
}
