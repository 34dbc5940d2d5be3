package io.crmsync.dedup.service;

/** Fired when outbox rows were written; observed after a successful commit to wake the relay. */
public record OutboxWritten(String tenant) {
}
