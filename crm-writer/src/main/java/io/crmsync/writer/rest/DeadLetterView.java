package io.crmsync.writer.rest;

import io.crmsync.contract.CloudEventHeaders;
import io.crmsync.writer.messaging.DeadLetterRecord;
import io.crmsync.writer.service.ListedDeadLetter;

import java.time.Instant;

/**
 * One dead letter as the admin API lists it: where it sits on the DLQ topic, what it was, why it
 * failed, and its latest replay ({@code replayed} false, {@code replayedAt}/{@code replayId} null
 * when never replayed). The error message can quote the CRM (and so a field value): the API is for
 * authenticated operators; logs never show it.
 */
public record DeadLetterView(int partition, long offset, Instant timestamp, String key, String ceType, String ceId,
                             String errorClass, String errorMessage, boolean replayed, Instant replayedAt,
                             String replayId) {

    static DeadLetterView of(ListedDeadLetter listed) {
        DeadLetterRecord r = listed.record();
        return new DeadLetterView(r.partition(), r.offset(), r.timestamp(), r.keyText(),
                r.header(CloudEventHeaders.TYPE), r.header(CloudEventHeaders.ID), r.errorClass(),
                r.header(CloudEventHeaders.DLQ_ERROR_MESSAGE), listed.lastReplay() != null,
                listed.lastReplay() == null ? null : listed.lastReplay().at(),
                listed.lastReplay() == null ? null : listed.lastReplay().replayId());
    }
}
