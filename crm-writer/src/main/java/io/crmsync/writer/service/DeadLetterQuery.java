package io.crmsync.writer.service;

import io.crmsync.writer.messaging.DeadLetterRecord;

import java.time.Instant;

/**
 * Which dead letters an admin request means: those of one tenant ({@code ce_tenant}), stamped in
 * {@code [from, to)} on the DLQ topic (the time they were dead-lettered), of one error class or
 * any (null). Either end of the range may be open (null).
 */
public record DeadLetterQuery(String tenant, Instant from, Instant to, String errorClass) {

    public boolean matches(DeadLetterRecord record) {
        return tenant.equals(record.tenant())
                && (errorClass == null || errorClass.equals(record.errorClass()))
                && (from == null || !record.timestamp().isBefore(from))
                && (to == null || record.timestamp().isBefore(to));
    }
}
