package io.crmsync.writer.service;

/** What a replay did: {@code {"replayId","matched","replayed","skippedAlreadyReplayed"}}. */
public record ReplayResult(String replayId, int matched, int replayed, int skippedAlreadyReplayed) {
}
