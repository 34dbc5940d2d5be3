package io.crmsync.writer.service;

import io.crmsync.writer.config.AdminConfig;
import io.crmsync.writer.messaging.DeadLetterPosition;
import io.crmsync.writer.messaging.DeadLetterRecord;
import io.crmsync.writer.messaging.DeadLetterScan;
import io.crmsync.writer.messaging.DeadLetterTopicReader;
import io.crmsync.writer.repository.DlqReplayRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Lists a tenant's dead letters with whether and when each was replayed. */
@ApplicationScoped
public class DeadLetterListService {

    /** Oldest first, as they would be replayed; partition and offset break ties. */
    static final Comparator<DeadLetterRecord> OLDEST_FIRST = Comparator.comparing(DeadLetterRecord::timestamp)
            .thenComparingInt(DeadLetterRecord::partition).thenComparingLong(DeadLetterRecord::offset);

    private final DeadLetterTopicReader reader;
    private final DlqReplayRepository replays;
    private final AdminConfig config;

    public DeadLetterListService(DeadLetterTopicReader reader, DlqReplayRepository replays, AdminConfig config) {
        this.reader = reader;
        this.replays = replays;
        this.config = config;
    }

    public DeadLetterListing list(DeadLetterQuery query, int limit) {
        // The oldest `limit` across partitions are only known once the whole range is read.
        DeadLetterScan scan = reader.read(query, Math.max(limit, config.deadLetters().replayMaxRecords()));
        List<DeadLetterRecord> oldest = scan.matches().stream().sorted(OLDEST_FIRST).limit(limit).toList();
        Map<DeadLetterPosition, ReplayMark> marks = replays.lastReplays(oldest.stream().map(DeadLetterRecord::position).toList());
        List<ListedDeadLetter> items = oldest.stream()
                .map(r -> new ListedDeadLetter(r, marks.get(r.position()))).toList();
        return new DeadLetterListing(items, scan.truncated() || scan.matches().size() > limit);
    }
}
