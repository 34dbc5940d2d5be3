package io.crmsync.writer.service;

import java.time.Instant;

/** The latest replay that re-published a dead letter. */
public record ReplayMark(String replayId, Instant at) {
}
