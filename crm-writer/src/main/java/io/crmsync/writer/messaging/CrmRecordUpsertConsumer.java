package io.crmsync.writer.messaging;

import io.crmsync.commons.messaging.DatabaseOutage;
import io.crmsync.commons.messaging.DeadLetters;
import io.crmsync.commons.messaging.EventEnvelope;
import io.crmsync.commons.messaging.MissingEnvelopeException;
import io.crmsync.commons.tenant.Tenants;
import io.crmsync.contract.ContractViolationException;
import io.crmsync.contract.EventCodec;
import io.crmsync.contract.EventType;
import io.crmsync.contract.command.CrmRecordMerge;
import io.crmsync.contract.command.CrmRecordUpsert;
import io.crmsync.writer.lane.InboxRecord;
import io.crmsync.writer.lane.InboxRepository;
import io.crmsync.writer.lane.WriteLanes;
import io.crmsync.writer.service.ErrorClass;
import io.crmsync.writer.service.WriterMetrics;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Transport adapter of {@code crm.record.upsert.v1}: takes a poll's records off Kafka into the
 * tenants' lanes. Each record is decoded and validated against the contract (upsert or merge
 * command of a known tenant); valid ones are stored in {@code write_inbox} together with the
 * offsets reached, in one transaction, and their lanes are woken; the others are dead-lettered
 * here with their class. The batch is acknowledged after both, so a record is never acknowledged
 * unless it is stored or dead-lettered, and a batch redelivered after a crash is not stored twice.
 * An unreachable database is waited out (the batch held, never dead-lettered for it).
 * Writing to the CRM happens in the lanes, never on this thread: a tenant whose CRM is down, slow
 * or paused does not hold back the partitions it shares with other tenants.
 */
@ApplicationScoped
public class CrmRecordUpsertConsumer {

    public static final String CHANNEL = "crm-record-upsert";

    private static final Logger LOG = Logger.getLogger(CrmRecordUpsertConsumer.class);
    private static final List<EventType<CrmRecordUpsert>> UPSERTS =
            List.of(EventType.CONTACT_UPSERT, EventType.DEAL_UPSERT, EventType.COMPANY_UPSERT);
    private static final List<EventType<CrmRecordMerge>> MERGES =
            List.of(EventType.CONTACT_MERGE, EventType.COMPANY_MERGE);

    private final EventCodec codec;
    private final Tenants tenants;
    private final InboxRepository inbox;
    private final WriteLanes lanes;
    private final WriterMetrics metrics;

    public CrmRecordUpsertConsumer(EventCodec codec, Tenants tenants, InboxRepository inbox, WriteLanes lanes,
                                   WriterMetrics metrics) {
        this.codec = codec;
        this.tenants = tenants;
        this.inbox = inbox;
        this.lanes = lanes;
        this.metrics = metrics;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) throws SQLException {
        List<KafkaRecord<String, byte[]>> records = batch.getRecords();
        List<InboxRepository.Consumed> valid = new ArrayList<>(records.size());
        Map<Integer, Long> reached = new HashMap<>();
        List<CompletableFuture<Void>> deadLettered = new ArrayList<>();
        String topic = null;
        for (KafkaRecord<String, byte[]> record : records) {
            topic = record.getTopic();
            long offset = offsetOf(record);
            reached.merge(record.getPartition(), offset + 1, Math::max);
            String tenant = null;
            try {
                EventEnvelope envelope = EventEnvelope.of(record);
                tenant = envelope.tenant();
                validate(record, envelope);
                if (tenants.tenant(tenant).isEmpty()) {
                    deadLettered.add(deadLetter(record, tenant, ErrorClass.UNKNOWN_TENANT,
                            "tenant " + tenant + " is not in the tenant registry"));
                    continue;
                }
                valid.add(new InboxRepository.Consumed(tenant, record.getKey(), record.getPayload(),
                        headers(record.getHeaders()), record.getPartition(), offset));
            } catch (ContractViolationException | MissingEnvelopeException e) {
                deadLettered.add(deadLetter(record, tenant, ErrorClass.CONTRACT, e.getMessage()));
            }
        }
        if (topic != null) {
            String stored = topic;
            try {
                DatabaseOutage.waitOut("batch of " + records.size() + " records",
                        () -> inbox.accept(stored, valid, reached).forEach(lanes::wake));
            } catch (InterruptedException e) {
                // Shutting down while the database is away: the batch stays unacknowledged and is read again.
                Thread.currentThread().interrupt();
                return new CompletableFuture<>();
            }
        }
        return CompletableFuture.allOf(deadLettered.toArray(CompletableFuture[]::new))
                .thenCompose(sent -> batch.ack());
    }

    private void validate(KafkaRecord<String, byte[]> record, EventEnvelope envelope) {
        Optional<EventType<CrmRecordMerge>> mergeType = MERGES.stream()
                .filter(t -> t.name().equals(envelope.type())).findFirst();
        if (mergeType.isPresent()) {
            decodeMerge(record, envelope, mergeType.get());
        } else {
            decode(record, envelope);
        }
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

    private CompletableFuture<Void> deadLetter(KafkaRecord<String, byte[]> record, String tenant, String errorClass,
                                               String reason) {
        // Keys are tenant/type/recordKey: golden keys and order refs, no personal data.
        LOG.warnf("record %s at %s-%d goes to the DLQ as %s", record.getKey(), record.getTopic(),
                record.getPartition(), errorClass);
        metrics.deadLetter(tenant == null ? "unknown" : tenant, errorClass);
        return DeadLetters.nack(record, errorClass, new Refusal(reason)).toCompletableFuture();
    }

    private static long offsetOf(KafkaRecord<String, byte[]> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("a consumed record without its Kafka metadata"))
                .getOffset();
    }

    private static List<InboxRecord.RecordHeader> headers(Headers headers) {
        List<InboxRecord.RecordHeader> copied = new ArrayList<>();
        headers.forEach(h -> copied.add(new InboxRecord.RecordHeader(h.key(), h.value())));
        return copied;
    }

    /** The reason a record is dead-lettered; it travels in the DLQ headers, no stack trace needed. */
    static final class Refusal extends RuntimeException {

        Refusal(String reason) {
            super(reason == null ? "unknown" : reason, null, false, false);
        }
    }
}
