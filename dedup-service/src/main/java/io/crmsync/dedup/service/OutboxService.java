package io.crmsync.dedup.service;

import io.crmsync.commons.messaging.EventEnvelope;
import io.crmsync.contract.CloudEventHeaders;
import io.crmsync.contract.EventCodec;
import io.crmsync.contract.EventType;
import io.crmsync.contract.Origin;
import io.crmsync.contract.command.CrmRecordMerge;
import io.crmsync.contract.command.CrmRecordUpsert;
import io.crmsync.dedup.OutboxMessage;
import io.crmsync.dedup.config.DedupConfig;
import io.crmsync.dedup.messaging.OutboxPublisher;
import io.crmsync.dedup.repository.OutboxRepository;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Queues a command in the transactional outbox instead of sending it: the row commits with the
 * state change that caused it, or not at all. Headers are the CloudEvents binary-mode set of
 * {@link EventEnvelope} ({@code ce_id} = the command id), so the record a relay sends after a
 * restart is identical to the one it would have sent at once.
 */
@ApplicationScoped
public class OutboxService {

    static final String CONTENT_TYPE = "content-type";

    private final OutboxRepository outbox;
    private final EventCodec codec;
    private final DedupConfig config;
    private final Event<OutboxWritten> written;
    private final String topic;

    public OutboxService(OutboxRepository outbox, EventCodec codec, DedupConfig config, Event<OutboxWritten> written,
                         @ConfigProperty(name = "mp.messaging.outgoing." + OutboxPublisher.CHANNEL + ".topic") String topic) {
        this.outbox = outbox;
        this.codec = codec;
        this.config = config;
        this.written = written;
        this.topic = topic;
    }

    /** The command, validated against its schema, as an outbox row carrying the current trace context. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(Origin origin, CrmRecordUpsert command, Instant now) {
        write(origin, EventType.upsertFor(command.crmObjectType()), command, command.commandId(), command.tenant(),
                command.recordKey(), command.kafkaKey(), now);
    }

    /** A merge command, keyed (and ordered) by the merged record. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(Origin origin, CrmRecordMerge command, Instant now) {
        write(origin, EventType.mergeFor(command.crmObjectType()), command, command.commandId(), command.tenant(),
                command.mergedKey(), command.kafkaKey(), now);
    }

    private <T> void write(Origin origin, EventType<T> type, T command, String commandId, String tenant, String subject,
                           String kafkaKey, Instant now) {
        EventEnvelope envelope = new EventEnvelope(commandId, type.name(), URI.create(config.eventSource()), subject,
                now.atZone(ZoneOffset.UTC), URI.create(type.dataSchema()), tenant, origin, kafkaKey, null, null);
        Map<String, String> trace = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), trace, Map::put);
        outbox.persist(new OutboxMessage(tenant, topic, envelope.key(), type.name(), headers(envelope),
                codec.encode(type, command), trace.get("traceparent"), trace.get("tracestate"), now));
        written.fire(new OutboxWritten(tenant));
    }

    static Map<String, String> headers(EventEnvelope envelope) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.SPECVERSION, "1.0");
        headers.put(CloudEventHeaders.ID, envelope.id());
        headers.put(CloudEventHeaders.TYPE, envelope.type());
        headers.put(CloudEventHeaders.SOURCE, envelope.source().toString());
        headers.put(CloudEventHeaders.TIME, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(envelope.time()));
        headers.put(CloudEventHeaders.SUBJECT, envelope.subject());
        headers.put(CloudEventHeaders.DATASCHEMA, envelope.dataSchema().toString());
        headers.put(CONTENT_TYPE, "application/json");
        headers.put(CloudEventHeaders.TENANT, envelope.tenant());
        headers.put(CloudEventHeaders.ORIGIN, envelope.origin().wire());
        return headers;
    }
}
