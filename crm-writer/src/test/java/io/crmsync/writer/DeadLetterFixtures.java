package io.crmsync.writer;

import io.crmsync.contract.CloudEventHeaders;
import io.crmsync.contract.EventCodec;
import io.crmsync.contract.EventType;
import io.crmsync.contract.Topics;
import io.crmsync.contract.command.CrmRecordUpsert;
import io.crmsync.contract.command.SyncMode;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.testkit.TestTenants;
import io.crmsync.testkit.TopicProbe;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Dead letters as the writer puts them on {@code crm.record.upsert.v1.dlq} (the DLQ's contract):
 * the command's key, value and CloudEvents headers, the Kafka connector's {@code dead-letter-*}
 * headers, then {@code crmsync_error_class} and {@code crmsync_error_message}. Lets the replay tests
 * choose the error class of a command the CRM would accept.
 */
final class DeadLetterFixtures {

    static final String DLQ = Topics.dlq(Topics.CRM_RECORD_UPSERT);
    /** The header naming the replay that re-published a dead letter. */
    static final String REPLAY_ID = "crmsync_replay_id";
    private static final EventCodec CODEC = new EventCodec();

    private DeadLetterFixtures() {
    }

    /** A valid contact command of {@code tenant} (acme or globex) for a new golden record, from customer {@code key}. */
    static CrmRecordUpsert contact(String tenant, String key) {
        SourceRef source = TestTenants.GLOBEX.equals(tenant)
                ? new SourceRef("bigcommerce", TestTenants.GLOBEX_BC, "customer", key)
                : new SourceRef("shopify", TestTenants.ACME_SHOPIFY, "customer", key);
        return new CrmRecordUpsert("cmd-" + UUID.randomUUID(), tenant, CrmRecordUpsert.CONTACT, key,
                Map.of("email", key + "@example.com", "firstName", "Replayed", "lastName", "Tester"), List.of(),
                SyncMode.LIVE, source, Instant.now().minusSeconds(5));
    }

    /** Puts {@code command} on the DLQ as the writer would have dead-lettered it; returns the headers sent. */
    static Map<String, String> deadLetter(CrmRecordUpsert command, String errorClass, String reason) {
        Map<String, String> headers = headers(command, errorClass, reason);
        TopicProbe.send(WriterTestSupport.bootstrapServers(), DLQ, command.kafkaKey(), encode(command), headers);
        return headers;
    }

    static byte[] encode(CrmRecordUpsert command) {
        return CODEC.encode(EventType.upsertFor(command.crmObjectType()), command);
    }

    private static Map<String, String> headers(CrmRecordUpsert command, String errorClass, String reason) {
        EventType<CrmRecordUpsert> type = EventType.upsertFor(command.crmObjectType());
        Map<String, String> headers = new LinkedHashMap<>();
        // SmallRye's dead-letter-queue strategy writes these first, ...
        headers.put("dead-letter-exception-class-name", "io.crmsync.writer.messaging.CrmRecordUpsertConsumer$WriteFailure");
        headers.put("dead-letter-reason", reason);
        headers.put("dead-letter-topic", Topics.CRM_RECORD_UPSERT);
        headers.put("dead-letter-partition", "0");
        headers.put("dead-letter-offset", "42");
        // ... then copies the consumed record's headers ...
        headers.put(CloudEventHeaders.SPECVERSION, "1.0");
        headers.put(CloudEventHeaders.ID, UUID.randomUUID().toString());
        headers.put(CloudEventHeaders.TYPE, type.name());
        headers.put(CloudEventHeaders.SOURCE, "/dedup-service");
        headers.put(CloudEventHeaders.TIME, Instant.now().toString());
        headers.put(CloudEventHeaders.DATASCHEMA, type.dataSchema());
        headers.put(CloudEventHeaders.TENANT, command.tenant());
        headers.put(CloudEventHeaders.ORIGIN, "webhook");
        headers.put("content-type", "application/json");
        // ... and commons DeadLetters adds the error class and message.
        headers.put(CloudEventHeaders.DLQ_ERROR_CLASS, errorClass);
        headers.put(CloudEventHeaders.DLQ_ERROR_MESSAGE, reason);
        return headers;
    }
}
