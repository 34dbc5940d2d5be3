package io.crmsync.writer.service;

import java.util.List;

/**
 * A slice of a consumed batch: its upserts are written (batched and coalesced together), then its
 * merges run one by one, before the next phase starts.
 */
public record BatchPhase(List<IncomingCommand> upserts, List<IncomingMerge> merges) {

    public BatchPhase {
        upserts = List.copyOf(upserts);
        merges = List.copyOf(merges);
    }
}
