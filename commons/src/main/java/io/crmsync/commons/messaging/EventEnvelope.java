package io.crmsync.commons.messaging;

import io.crmsync.contract.CloudEventHeaders;
import io.crmsync.contract.EventType;
import io.crmsync.contract.Origin;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadataBuilder;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * The CloudEvents attributes and Kafka key of one event. Written as binary-mode headers
 * ({@code ce_id}, {@code ce_type}, ..., {@code ce_tenant}, {@code ce_origin}, {@code ce_deliveryid},
 * {@code ce_observedat}) by the Kafka connector; the data is the record value.
 *
 * @param deliveryId the platform's stable delivery id of the webhook the event derives from
 *                   ({@link CloudEventHeaders#EXT_DELIVERY_ID}); null when there is none
 * @param observedAt when the carried source state was seen current ({@link CloudEventHeaders#EXT_OBSERVED_AT});
 *                   null when the event does not say
 */
public record EventEnvelope(String id, String type, URI source, String subject, ZonedDateTime time,
                            URI dataSchema, String tenant, Origin origin, String key, String deliveryId,
                            Instant observedAt) {

    public static EventEnvelope create(EventType<?> type, String source, String subject, String tenant,
                                       Origin origin, String key) {
        return new EventEnvelope(UUID.randomUUID().toString(), type.name(), URI.create(source), subject,
                ZonedDateTime.now(ZoneOffset.UTC), URI.create(type.dataSchema()), tenant, origin, key, null, null);
    }

    /** The same envelope naming the platform delivery it derives from (null: none). */
    public EventEnvelope withDeliveryId(String platformDeliveryId) {
        return new EventEnvelope(id, type, source, subject, time, dataSchema, tenant, origin, key, platformDeliveryId,
                observedAt);
    }

    /** The same envelope saying when its source state was seen current (null: unknown). */
    public EventEnvelope withObservedAt(Instant sourceObservedAt) {
        return new EventEnvelope(id, type, source, subject, time, dataSchema, tenant, origin, key, deliveryId,
                sourceObservedAt);
    }

    /** A message that the Kafka connector writes with these headers and this key. */
    public Message<byte[]> toMessage(byte[] data) {
        OutgoingCloudEventMetadataBuilder<byte[]> ce = OutgoingCloudEventMetadata.<byte[]>builder()
                .withId(id)
                .withType(type)
                .withSource(source)
                .withSubject(subject)
                .withTimestamp(time)
                .withDataSchema(dataSchema)
                .withDataContentType("application/json")
                .withExtension("tenant", tenant)
                .withExtension("origin", origin.wire());
        if (deliveryId != null) {
            ce.withExtension(CloudEventHeaders.EXT_DELIVERY_ID, deliveryId);
        }
        if (observedAt != null) {
            ce.withExtension(CloudEventHeaders.EXT_OBSERVED_AT, observedAt.toString());
        }
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build();
        return Message.of(data, Metadata.of(ce.build(), kafka));
    }

    /** Reads the envelope of a consumed record; fails on a record that is not one of ours. */
    public static EventEnvelope of(Message<?> message) {
        IncomingCloudEventMetadata<?> ce = message.getMetadata(IncomingCloudEventMetadata.class)
                .orElseThrow(() -> new MissingEnvelopeException("record carries no CloudEvents headers"));
        String tenant = ce.<String>getExtension("tenant")
                .orElseThrow(() -> new MissingEnvelopeException("record carries no ce_tenant"));
        Origin origin = ce.<String>getExtension("origin").map(Origin::fromWire).orElse(Origin.WEBHOOK);
        String key = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> m.getKey() == null ? null : m.getKey().toString()).orElse(null);
        return new EventEnvelope(ce.getId(), ce.getType(), ce.getSource(), ce.getSubject().orElse(null),
                ce.getTimeStamp().orElse(null), ce.getDataSchema().orElse(null), tenant, origin, key,
                ce.<String>getExtension(CloudEventHeaders.EXT_DELIVERY_ID).orElse(null),
                ce.<String>getExtension(CloudEventHeaders.EXT_OBSERVED_AT).map(EventEnvelope::instant).orElse(null));
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("ce_" + CloudEventHeaders.EXT_OBSERVED_AT + " is not an ISO-8601 instant", e);
        }
    }

    /**
     * The same event continued under another type, keeping tenant, origin, the platform delivery id
     * and when its source state was seen.
     */
    public EventEnvelope next(EventType<?> nextType, String nextSource, String nextSubject, String nextKey) {
        return create(nextType, nextSource, nextSubject, tenant, origin, nextKey).withDeliveryId(deliveryId)
                .withObservedAt(observedAt);
    }
}
