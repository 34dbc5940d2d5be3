package io.crmsync.writer.messaging;

import java.util.List;

/** The dead letters a read found, in no particular order; {@code truncated} when it stopped at its cap. */
public record DeadLetterScan(List<DeadLetterRecord> matches, boolean truncated) {
}
