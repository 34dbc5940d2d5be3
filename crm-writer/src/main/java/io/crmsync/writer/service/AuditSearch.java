package io.crmsync.writer.service;

import java.time.Instant;

/**
 * A search of {@code write_audit} within one tenant. Every other field is an optional exact-match
 * filter (null: any); {@code from} is inclusive, {@code to} exclusive; {@code before} is the id of
 * the last row of the previous page.
 */
public record AuditSearch(String tenant, String sourceObjectId, String crmId, String recordKey, String commandId,
                          String crmObjectType, String operation, String outcome, Instant from, Instant to,
                          Long before, int limit) {
}
