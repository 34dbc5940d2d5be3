package io.crmsync.writer.control;

import io.crmsync.contract.EventCodec;
import io.crmsync.contract.EventType;
import io.crmsync.contract.control.TenantControl;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;

/** Announces tenant states on the compacted {@code control.tenant.v1} topic, keyed by tenant. */
@ApplicationScoped
public class TenantControlPublisher {

    public static final String CHANNEL = "tenant-control-out";

    private final MutinyEmitter<byte[]> emitter;
    private final EventCodec codec;

    public TenantControlPublisher(@Channel(CHANNEL) MutinyEmitter<byte[]> emitter, EventCodec codec) {
        this.emitter = emitter;
        this.codec = codec;
    }

    /**
     * Returns once the broker acknowledged it; fails when it did not within {@code timeout}. A
     * control event derives from no storefront event, so it carries no {@code ce_origin}.
     */
    public void publish(TenantControl control, Duration timeout) {
        EventType<TenantControl> type = EventType.TENANT_CONTROL;
        OutgoingCloudEventMetadata<byte[]> ce = OutgoingCloudEventMetadata.<byte[]>builder()
                .withId(UUID.randomUUID().toString())
                .withType(type.name())
                .withSource(URI.create("/crm-writer"))
                .withSubject(control.tenant())
                .withTimestamp(ZonedDateTime.now(ZoneOffset.UTC))
                .withDataSchema(URI.create(type.dataSchema()))
                .withDataContentType("application/json")
                .withExtension("tenant", control.tenant())
                .build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(control.kafkaKey()).build();
        Message<byte[]> message = Message.of(codec.encode(type, control), Metadata.of(ce, kafka));
        emitter.sendMessage(message).await().atMost(timeout);
    }
}
