package io.crmsync.writer.lane;

import io.crmsync.contract.EventCodec;
import io.crmsync.contract.Origin;
import io.crmsync.contract.command.CrmRecordMerge;
import io.crmsync.contract.command.CrmRecordUpsert;
import io.crmsync.contract.result.CrmWriteResult;
import io.crmsync.writer.config.WriterConfig;
import io.crmsync.writer.control.TenantStates;
import io.crmsync.writer.messaging.DeadLetterPublisher;
import io.crmsync.writer.messaging.DeadLetterPublisher.DeadLetterRecord;
import io.crmsync.writer.messaging.WriteResultPublisher;
import io.crmsync.writer.service.AuditTrail;
import io.crmsync.writer.service.CrmWriteService;
import io.crmsync.writer.service.ErrorClass;
import io.crmsync.writer.service.IncomingCommand;
import io.crmsync.writer.service.IncomingMerge;
import io.crmsync.writer.service.Settlements;
import io.crmsync.writer.service.WriteFailure;
import io.crmsync.writer.service.WriterMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One drain of one tenant's lane: take the due commands, write them ({@link CrmWriteService}), and
 * settle every row. Written rows leave the inbox with a {@code crm.write.result.v1}; rows that
 * failed for good go to the DLQ first; retryable failures wait on the {@link RetrySchedule};
 * an auth failure pauses the tenant and leaves its rows as they are, for after the resume.
 * <p>
 * Nothing is lost in a crash: a row leaves the inbox only after its dead letter and its result
 * were acknowledged by the broker, and writing it again is an idempotent upsert.
 */
@ApplicationScoped
public class LaneDrain {

    private static final Logger LOG = Logger.getLogger(LaneDrain.class);
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);

    private final InboxRepository inbox;
    private final LaneLeases leases;
    private final TenantStates states;
    private final CrmWriteService writer;
    private final RetrySchedule schedule;
    private final DeadLetterPublisher deadLetters;
    private final WriteResultPublisher results;
    private final AuditTrail audit;
    private final WriterMetrics metrics;
    private final EventCodec codec;
    private final WriterConfig config;

    public LaneDrain(InboxRepository inbox, LaneLeases leases, TenantStates states, CrmWriteService writer,
                     RetrySchedule schedule, DeadLetterPublisher deadLetters, WriteResultPublisher results,
                     AuditTrail audit, WriterMetrics metrics, EventCodec codec, WriterConfig config) {
        this.inbox = inbox;
        this.leases = leases;
        this.states = states;
        this.writer = writer;
        this.schedule = schedule;
        this.deadLetters = deadLetters;
        this.results = results;
        this.audit = audit;
        this.metrics = metrics;
        this.codec = codec;
        this.config = config;
    }

    /** @return how long the lane may sleep before the next drain (zero: drain again at once) */
    public Duration drain(String tenant) throws SQLException {
        Duration idle = config.lanes().idlePoll();
        if (!leases.hold(tenant) || states.paused(tenant)) {
            return idle;
        }
        Instant now = Instant.now();
        List<InboxRecord> rows = inbox.due(tenant, now, config.lanes().drainSize());
        if (rows.isEmpty()) {
            return inbox.nextDue(tenant, now).map(at -> Duration.between(now, at))
                    .filter(wait -> wait.compareTo(idle) < 0).orElse(idle);
        }
        Instant oldest = rows.stream().map(InboxRecord::receivedAt).min(Instant::compareTo).orElseThrow();
        Instant flushAt = oldest.plus(config.lanes().maxBatchDelay());
        if (rows.size() < config.maxBatchInputs() && flushAt.isAfter(now)) {
            // Let the batch fill: more commands for this tenant may arrive within the delay.
            return Duration.between(now, flushAt);
        }
        DrainedCommands drained = new DrainedCommands(rows, codec);
        Settlements settlements = writer.write(drained.upserts, drained.merges);
        settle(tenant, drained, settlements);
        return Duration.ZERO;
    }

    private void settle(String tenant, DrainedCommands drained, Settlements settlements) throws SQLException {
        List<Long> done = new ArrayList<>();
        List<DeadLetterRecord> dead = new ArrayList<>();
        List<WriteResultPublisher.Outgoing> settled = new ArrayList<>();
        Map<Long, Retry> retries = new LinkedHashMap<>();
        WriteFailure pause = null;
        Instant now = Instant.now();
        for (int i = 0; i < drained.rows.size(); i++) {
            InboxRecord row = drained.rows.get(i);
            if (drained.undecodable.containsKey(i)) {
                dead.add(new DeadLetterRecord(row, ErrorClass.CONTRACT, drained.undecodable.get(i)));
                continue;
            }
            Optional<Settlements.Settled> outcome = settlements.of(i);
            if (outcome.isEmpty() || Settlements.HELD.equals(outcome.get().outcome())) {
                continue;
            }
            Settlements.Settled s = outcome.get();
            if (s.written()) {
                done.add(row.id());
                settled.add(result(drained, i, s.outcome(), s.crmId(), null));
                continue;
            }
            WriteFailure failure = s.failure();
            switch (failure.handling()) {
                case PAUSE -> {
                    pause = failure;
                    disposition(drained, i, "paused", failure.errorClass());
                }
                case DEAD_LETTER -> dead.add(new DeadLetterRecord(row, failure.errorClass(), failure.reason()));
                case RETRY -> {
                    if (ErrorClass.RATE_LIMITED.equals(failure.errorClass())) {
                        // Waiting out a limit is not a failure: same attempt, a little later.
                        retries.put(row.id(), new Retry(row.attempts(), now.plus(config.retry().rateLimitedDelay()),
                                failure.errorClass()));
                        continue;
                    }
                    int failed = row.attempts() + 1;
                    Optional<Duration> wait = schedule.after(failed);
                    if (wait.isPresent()) {
                        retries.put(row.id(), new Retry(failed, now.plus(wait.get()), failure.errorClass()));
                        disposition(drained, i, "retry-scheduled", failure.errorClass());
                        metrics.retryScheduled(tenant, failure.errorClass());
                    } else {
                        String exhausted = ErrorClass.RETRYABLE.equals(failure.errorClass())
                                ? ErrorClass.RETRYABLE_EXHAUSTED : failure.errorClass();
                        dead.add(new DeadLetterRecord(row, exhausted, failure.reason()));
                    }
                }
            }
        }
        if (pause != null) {
            states.pauseForAuth(tenant, "the CRM refused the credentials: " + pause.errorClass());
        }
        deadLetters.publish(dead, PUBLISH_TIMEOUT);
        for (DeadLetterRecord d : dead) {
            int i = drained.rows.indexOf(d.record());
            done.add(d.record().id());
            metrics.deadLetter(tenant, d.errorClass());
            LOG.warnf("tenant %s: %s goes to the DLQ as %s", tenant, d.record().kafkaKey(), d.errorClass());
            if (!drained.undecodable.containsKey(i)) {
                disposition(drained, i, "dead-lettered", d.errorClass());
                settled.add(result(drained, i, CrmWriteResult.DEAD_LETTERED, null, d.errorClass()));
            }
        }
        results.publish(settled, PUBLISH_TIMEOUT);
        inbox.delete(done);
        for (Map.Entry<Long, Retry> r : retries.entrySet()) {
            inbox.reschedule(List.of(r.getKey()), r.getValue().attempts(), r.getValue().at(), r.getValue().errorClass());
        }
    }

    private void disposition(DrainedCommands drained, int i, String outcome, String errorClass) {
        IncomingCommand upsert = drained.upsertAt.get(i);
        if (upsert != null) {
            audit.disposition(upsert, outcome, errorClass);
            if ("dead-lettered".equals(outcome)) {
                metrics.write(upsert.command().tenant(), upsert.command().crmObjectType(), "failed");
            }
        } else {
            IncomingMerge merge = drained.mergeAt.get(i);
            audit.disposition(merge, outcome, errorClass);
            if ("dead-lettered".equals(outcome)) {
                metrics.merge(merge.merge().tenant(), merge.merge().crmObjectType(), "failed");
            }
        }
    }

    private static WriteResultPublisher.Outgoing result(DrainedCommands drained, int i, String outcome, String crmId,
                                                        String errorClass) {
        InboxRecord row = drained.rows.get(i);
        Origin origin = Optional.ofNullable(row.header("ce_origin")).map(Origin::fromWire).orElse(Origin.WEBHOOK);
        Instant now = Instant.now();
        IncomingCommand upsert = drained.upsertAt.get(i);
        if (upsert != null) {
            CrmRecordUpsert c = upsert.command();
            return new WriteResultPublisher.Outgoing(new CrmWriteResult(c.commandId(), c.tenant(), c.crmObjectType(),
                    c.recordKey(), CrmWriteResult.UPSERT, outcome, crmId, errorClass, upsert.attempt(), c.syncMode(),
                    c.source(), c.sourceUpdatedAt(), now), origin);
        }
        IncomingMerge merge = drained.mergeAt.get(i);
        CrmRecordMerge m = merge.merge();
        return new WriteResultPublisher.Outgoing(new CrmWriteResult(m.commandId(), m.tenant(), m.crmObjectType(),
                m.mergedKey(), CrmWriteResult.MERGE, outcome, crmId, errorClass, merge.attempt(), null, null, null, now),
                origin);
    }

    /** @param attempts failed attempts after this one */
    private record Retry(int attempts, Instant at, String errorClass) {
    }
}
