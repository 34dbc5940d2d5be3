package io.crmsync.writer.messaging;

/** Where a dead letter sits on the DLQ topic: what names it in {@code dlq_replayed}. */
public record DeadLetterPosition(int partition, long offset) {
}
