package io.crmsync.writer.service;

import io.crmsync.writer.messaging.DeadLetterRecord;

/** A dead letter and its latest replay (null: never replayed). */
public record ListedDeadLetter(DeadLetterRecord record, ReplayMark lastReplay) {
}
