package io.crmsync.writer.service;

import io.crmsync.writer.DlqReplay;
import io.crmsync.writer.config.AdminConfig;
import io.crmsync.writer.messaging.DeadLetterPosition;
import io.crmsync.writer.messaging.DeadLetterRecord;
import io.crmsync.writer.messaging.DeadLetterRepublisher;
import io.crmsync.writer.messaging.DeadLetterScan;
import io.crmsync.writer.messaging.DeadLetterTopicReader;
import io.crmsync.writer.repository.DlqReplayRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Replays a tenant's dead letters: re-publishes each matching one to the writer's input topic,
 * where it is processed like any command (writes are upserts by key, so a replay never
 * duplicates a record), and records the replay so that a dead letter is replayed once unless
 * forced.
 * <p>
 * One transaction holds the tenant's replay lock while it checks what was replayed before,
 * publishes, waits for the broker's acknowledgements and records the replay. If publishing or the
 * commit fails, nothing is recorded and some records may have been published: replaying again
 * publishes them again, which is harmless (at least once).
 */
@ApplicationScoped
public class DeadLetterReplayService {

    private static final Logger LOG = Logger.getLogger(DeadLetterReplayService.class);

    /** Per partition in offset order: the order in which each record's commands were dead-lettered. */
    private static final Comparator<DeadLetterRecord> TOPIC_ORDER = Comparator.comparingInt(DeadLetterRecord::partition)
            .thenComparingLong(DeadLetterRecord::offset);

    private final DeadLetterTopicReader reader;
    private final DeadLetterRepublisher republisher;
    private final DlqReplayRepository replays;
    private final WriterMetrics metrics;
    private final AdminConfig.DeadLetters config;

    public DeadLetterReplayService(DeadLetterTopicReader reader, DeadLetterRepublisher republisher,
                                   DlqReplayRepository replays, WriterMetrics metrics, AdminConfig config) {
        this.reader = reader;
        this.republisher = republisher;
        this.replays = replays;
        this.metrics = metrics;
        this.config = config.deadLetters();
    }

    /** {@code query} with both ends of its range set; {@code requestedBy} the token's principal. */
    public ReplayResult replay(DeadLetterQuery query, boolean force, String requestedBy) {
        int max = config.replayMaxRecords();
        DeadLetterScan scan = reader.read(query, max);
        if (scan.truncated()) {
            throw new ReplayTooLargeException(max);
        }
        List<DeadLetterRecord> matched = scan.matches().stream().sorted(TOPIC_ORDER).toList();
        String replayId = UUID.randomUUID().toString();
        // Long enough for the broker's acknowledgements, and the rows written after them.
        int timeoutSeconds = (int) config.publishTimeout().toSeconds() + 30;
        List<DeadLetterRecord> replayed = QuarkusTransaction.requiringNew().timeout(timeoutSeconds)
                .call(() -> replayLocked(replayId, query, force, requestedBy, matched));

        countReplayed(query.tenant(), replayed);
        ReplayResult result = new ReplayResult(replayId, matched.size(), replayed.size(), matched.size() - replayed.size());
        // Counts and classes only: dead letters hold personal data, and the requester stays in dlq_replay.
        LOG.infof("dead-letter replay %s of tenant %s (error class %s, %s to %s%s): %d matched, %d replayed, "
                        + "%d skipped as already replayed", replayId, query.tenant(),
                query.errorClass() == null ? "any" : query.errorClass(), query.from(), query.to(),
                force ? ", forced" : "", result.matched(), result.replayed(), result.skippedAlreadyReplayed());
        return result;
    }

    private List<DeadLetterRecord> replayLocked(String replayId, DeadLetterQuery query, boolean force,
                                                String requestedBy, List<DeadLetterRecord> matched) {
        if (!replays.tryLock(query.tenant())) {
            throw new ReplayInProgressException(query.tenant());
        }
        Set<DeadLetterPosition> before = force ? Set.of()
                : replays.lastReplays(matched.stream().map(DeadLetterRecord::position).toList()).keySet();
        List<DeadLetterRecord> toReplay = matched.stream().filter(r -> !before.contains(r.position())).toList();
        republisher.publish(toReplay, replayId);

        DlqReplay replay = new DlqReplay();
        replay.id = replayId;
        replay.tenant = query.tenant();
        replay.rangeFrom = query.from();
        replay.rangeTo = query.to();
        replay.errorClass = query.errorClass();
        replay.force = force;
        replay.matched = matched.size();
        replay.replayed = toReplay.size();
        replay.skipped = matched.size() - toReplay.size();
        replay.requestedBy = requestedBy;
        replay.at = Instant.now();
        replays.record(replay, toReplay.stream().map(DeadLetterRecord::position).toList());
        return toReplay;
    }

    private void countReplayed(String tenant, List<DeadLetterRecord> replayed) {
        Map<String, Long> byClass = replayed.stream().collect(Collectors.groupingBy(
                r -> r.errorClass() == null ? "unknown" : r.errorClass(), TreeMap::new, Collectors.counting()));
        byClass.forEach((errorClass, count) -> metrics.dlqReplayed(tenant, errorClass, count));
    }
}
