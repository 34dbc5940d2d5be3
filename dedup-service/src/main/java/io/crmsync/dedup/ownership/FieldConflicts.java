package io.crmsync.dedup.ownership;

import java.util.List;

/**
 * Fired in the transaction that held values back; counted only once it committed.
 *
 * @param fields      the fields of each conflict (one entry per conflict)
 * @param newlyQueued review items created (a proposal already open is not queued again)
 */
public record FieldConflicts(String tenant, List<String> fields, int newlyQueued) {
}
