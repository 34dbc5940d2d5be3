package io.crmsync.reconciler.control;

import io.crmsync.contract.ContractViolationException;
import io.crmsync.contract.EventCodec;
import io.crmsync.contract.EventType;
import io.crmsync.contract.control.TenantControl;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletionStage;

/**
 * Reads {@code control.tenant.v1} (compacted, keyed by tenant) into {@link TenantPauses}. The group
 * never commits, so every start reads the topic from its beginning and knows each tenant's current
 * state. A control topic must never block: a record that breaks the contract is logged and skipped
 * (the latest valid state of its tenant stands), a tombstone forgets the tenant's state.
 */
@ApplicationScoped
public class TenantControlConsumer {

    public static final String CHANNEL = "tenant-control";

    private static final Logger LOG = Logger.getLogger(TenantControlConsumer.class);

    private final EventCodec codec;
    private final TenantPauses pauses;

    public TenantControlConsumer(EventCodec codec, TenantPauses pauses) {
        this.codec = codec;
        this.pauses = pauses;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<byte[]> message) {
        if (message.getPayload() == null) {
            message.getMetadata(IncomingKafkaRecordMetadata.class)
                    .map(IncomingKafkaRecordMetadata::getKey)
                    .ifPresent(key -> pauses.forget(key.toString()));
            return message.ack();
        }
        try {
            pauses.apply(codec.decode(EventType.TENANT_CONTROL, message.getPayload()));
        } catch (ContractViolationException e) {
            LOG.warnf("control.tenant.v1 record ignored: %s", e.getMessage());
        }
        return message.ack();
    }
}
