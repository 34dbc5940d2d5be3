package io.crmsync.writer.messaging;

import io.crmsync.commons.messaging.DeadLetters;
import io.crmsync.commons.messaging.EventEnvelope;
import io.crmsync.commons.messaging.MissingEnvelopeException;
import io.crmsync.contract.ContractViolationException;
import io.crmsync.contract.EventCodec;
import io.crmsync.contract.EventType;
import io.crmsync.contract.command.CrmRecordMerge;
import io.crmsync.contract.command.CrmRecordUpsert;
import io.crmsync.writer.service.CrmWriteService;
import io.crmsync.writer.service.DeadLetter;
import io.crmsync.writer.service.ErrorClass;
import io.crmsync.writer.service.IncomingCommand;
import io.crmsync.writer.service.IncomingMerge;
import io.crmsync.writer.service.WriterMetrics;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.StreamSupport;

/**
 * Transport adapter of {@code crm.record.upsert.v1}: consumes a poll's records as one batch,
 * decodes and validates each (upsert or merge command) against the contract, hands the commands
 * to {@link CrmWriteService}, dead-letters each record that could not be written (one by one,
 * with its error class), and acknowledges the batch only after every dead letter is on the DLQ
 * topic. A record is thus never acknowledged unless it was written or dead-lettered; if a dead
 * letter cannot be sent, nothing is acknowledged and the batch comes back after a restart (writes
 * are idempotent).
 */
@ApplicationScoped
public class CrmRecordUpsertConsumer {

    public static final String CHANNEL = "crm-record-upsert";

    private static final Logger LOG = Logger.getLogger(CrmRecordUpsertConsumer.class);
    private static final List<EventType<CrmRecordUpsert>> UPSERTS =
            List.of(EventType.CONTACT_UPSERT, EventType.DEAL_UPSERT, EventType.COMPANY_UPSERT);
    private static final List<EventType<CrmRecordMerge>> MERGES =
            List.of(EventType.CONTACT_MERGE, EventType.COMPANY_MERGE);
    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return StreamSupport.stream(headers.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private final EventCodec codec;
    private final CrmWriteService writer;
    private final WriterMetrics metrics;
    private final OpenTelemetry openTelemetry;

    public CrmRecordUpsertConsumer(EventCodec codec, CrmWriteService writer, WriterMetrics metrics,
                                   OpenTelemetry openTelemetry) {
        this.codec = codec;
        this.writer = writer;
        this.metrics = metrics;
        this.openTelemetry = openTelemetry;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        List<KafkaRecord<String, byte[]>> records = batch.getRecords();
        List<IncomingCommand> commands = new ArrayList<>(records.size());
        List<IncomingMerge> merges = new ArrayList<>();
        Map<Integer, String> tenants = new HashMap<>();
        List<CompletableFuture<Void>> deadLettered = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            KafkaRecord<String, byte[]> record = records.get(i);
            try {
                EventEnvelope envelope = EventEnvelope.of(record);
                Optional<EventType<CrmRecordMerge>> mergeType = MERGES.stream()
                        .filter(t -> t.name().equals(envelope.type())).findFirst();
                if (mergeType.isPresent()) {
                    CrmRecordMerge merge = decodeMerge(record, envelope, mergeType.get());
                    merges.add(new IncomingMerge(i, merge, traceOf(record)));
                } else {
                    commands.add(new IncomingCommand(i, decode(record, envelope), traceOf(record)));
                }
                tenants.put(i, envelope.tenant());
            } catch (ContractViolationException | MissingEnvelopeException e) {
                deadLettered.add(deadLetter(record, tenantOf(record), new DeadLetter(ErrorClass.CONTRACT, e.getMessage())));
            }
        }
        Map<Integer, DeadLetter> failed;
        try {
            failed = writer.write(commands, merges);
        } catch (RuntimeException e) {
            // The writer contains failures per group; should it still fail, nothing is known written.
            LOG.errorf(e, "writing a batch of %d commands failed", tenants.size());
            failed = new HashMap<>();
            for (Integer index : tenants.keySet()) {
                failed.put(index, new DeadLetter(ErrorClass.INTERNAL, e.toString()));
            }
        }
        failed.forEach((index, deadLetter) -> deadLettered.add(deadLetter(records.get(index), tenants.get(index), deadLetter)));
        return CompletableFuture.allOf(deadLettered.toArray(CompletableFuture[]::new))
                .thenCompose(written -> batch.ack());
    }

    private CrmRecordUpsert decode(KafkaRecord<String, byte[]> record, EventEnvelope envelope) {
        EventType<CrmRecordUpsert> type = UPSERTS.stream().filter(t -> t.name().equals(envelope.type())).findFirst()
                .orElseThrow(() -> new ContractViolationException("ce_type " + envelope.type()
                        + " is not a CRM upsert or merge"));
        if (record.getPayload() == null) {
            throw new ContractViolationException("record has no value");
        }
        CrmRecordUpsert command = codec.decode(type, record.getPayload());
        if (!EventType.upsertFor(command.crmObjectType()).equals(type)) {
            throw new ContractViolationException("ce_type " + type.name() + " carries a " + command.crmObjectType());
        }
        if (!command.tenant().equals(envelope.tenant())) {
            throw new ContractViolationException("ce_tenant " + envelope.tenant() + " differs from the data's tenant");
        }
        return command;
    }

    private CrmRecordMerge decodeMerge(KafkaRecord<String, byte[]> record, EventEnvelope envelope,
                                       EventType<CrmRecordMerge> type) {
        if (record.getPayload() == null) {
            throw new ContractViolationException("record has no value");
        }
        CrmRecordMerge merge = codec.decode(type, record.getPayload());
        if (!EventType.mergeFor(merge.crmObjectType()).equals(type)) {
            throw new ContractViolationException("ce_type " + type.name() + " carries a " + merge.crmObjectType());
        }
        if (!merge.tenant().equals(envelope.tenant())) {
            throw new ContractViolationException("ce_tenant " + envelope.tenant() + " differs from the data's tenant");
        }
        return merge;
    }

    /**
     * The consumer span the Kafka connector started from the record's {@code traceparent}; the
     * header itself when tracing recorded nothing, so the trace id carries on.
     */
    private Context traceOf(KafkaRecord<String, byte[]> record) {
        return TracingMetadata.fromMessage(record)
                .map(TracingMetadata::getCurrentContext)
                .filter(context -> Span.fromContext(context).getSpanContext().isValid())
                .orElseGet(() -> openTelemetry.getPropagators().getTextMapPropagator()
                        .extract(Context.root(), record.getHeaders(), HEADERS));
    }

    private CompletableFuture<Void> deadLetter(KafkaRecord<String, byte[]> record, String tenant, DeadLetter deadLetter) {
        if (ErrorClass.CONTRACT.equals(deadLetter.errorClass())) {
            // Keys are tenant/type/recordKey: golden keys and order refs, no personal data.
            LOG.warnf("record %s at %s-%d goes to the DLQ as %s", record.getKey(), record.getTopic(),
                    record.getPartition(), deadLetter.errorClass());
        }
        metrics.deadLetter(tenant == null ? "unknown" : tenant, deadLetter.errorClass());
        return DeadLetters.nack(record, deadLetter.errorClass(), new WriteFailure(deadLetter.reason()))
                .toCompletableFuture();
    }

    private static String tenantOf(KafkaRecord<String, byte[]> record) {
        return Optional.ofNullable(HEADERS.get(record.getHeaders(), "ce_tenant")).orElse(null);
    }

    /** The reason a record is dead-lettered; it travels in the DLQ headers, no stack trace needed. */
    static final class WriteFailure extends RuntimeException {

        WriteFailure(String reason) {
            super(reason == null ? "unknown" : reason, null, false, false);
        }
    }
}
