package io.crmsync.dedup.ownership;

/** Fired when review items were resolved; the open-items gauge is refreshed after the commit. */
public record ReviewQueueChanged(String tenant) {
}
