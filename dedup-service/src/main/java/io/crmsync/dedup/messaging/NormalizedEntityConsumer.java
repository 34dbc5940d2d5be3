package io.crmsync.dedup.messaging;

import io.crmsync.commons.messaging.DatabaseOutage;
import io.crmsync.commons.messaging.DeadLetters;
import io.crmsync.commons.messaging.EventEnvelope;
import io.crmsync.commons.messaging.MissingEnvelopeException;
import io.crmsync.contract.ContractViolationException;
import io.crmsync.contract.EventCodec;
import io.crmsync.contract.EventType;
import io.crmsync.dedup.service.DedupMetrics;
import io.crmsync.dedup.service.DedupService;
import io.crmsync.dedup.service.UnknownStoreException;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.TracingMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Transport adapter for {@code commerce.entity.normalized.v1}: reads the envelope, decodes and
 * validates the data, hands it to {@link DedupService} under the record's trace context, and
 * acknowledges the record only after that transaction committed. What can never succeed goes to
 * the dead-letter topic with an error class; a commit that failed after retries does too, so a
 * poison record cannot wedge its partition. An unreachable database is not the record's fault:
 * the record waits (its partition with it, keeping order) until the database answers again.
 */
@ApplicationScoped
public class NormalizedEntityConsumer {

    public static final String CHANNEL = "normalized-entities";

    /** Error classes on dead letters ({@code crmsync_error_class}). */
    public static final String SCHEMA = "schema";
    public static final String ENVELOPE = "envelope";
    public static final String UNKNOWN_STORE = "unknown-store";
    public static final String PROCESSING = "processing";

    private static final Logger LOG = Logger.getLogger(NormalizedEntityConsumer.class);

    private final DedupService dedup;
    private final EventCodec codec;
    private final DedupMetrics metrics;

    public NormalizedEntityConsumer(DedupService dedup, EventCodec codec, DedupMetrics metrics) {
        this.dedup = dedup;
        this.codec = codec;
        this.metrics = metrics;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(Message<byte[]> message) {
        EventEnvelope envelope;
        try {
            envelope = EventEnvelope.of(message);
        } catch (MissingEnvelopeException | IllegalArgumentException e) {
            return deadLetter(message, null, ENVELOPE, e);
        }
        // The connector's consumer span; made current so the service span and the stored
        // outbox trace context continue the producer's trace.
        Context trace = TracingMetadata.fromMessage(message).map(TracingMetadata::getCurrentContext)
                .orElseGet(Context::current);
        try (Scope ignored = trace.makeCurrent()) {
            DatabaseOutage.waitOut("event " + envelope.id(), () -> handle(envelope, message.getPayload()));
        } catch (InterruptedException e) {
            // Shutting down while the database is away: leave the record unacknowledged, so it is read again.
            Thread.currentThread().interrupt();
            return new CompletableFuture<>();
        } catch (ContractViolationException e) {
            return deadLetter(message, envelope, SCHEMA, e);
        } catch (UnknownStoreException e) {
            return deadLetter(message, envelope, UNKNOWN_STORE, e);
        } catch (RuntimeException e) {
            return deadLetter(message, envelope, PROCESSING, e);
        }
        return message.ack();
    }

    private void handle(EventEnvelope envelope, byte[] data) {
        if (EventType.ORDER_NORMALIZED.name().equals(envelope.type())) {
            dedup.applyOrder(envelope, codec.decode(EventType.ORDER_NORMALIZED, data));
        } else if (EventType.CUSTOMER_NORMALIZED.name().equals(envelope.type())) {
            dedup.applyCustomer(envelope, codec.decode(EventType.CUSTOMER_NORMALIZED, data));
        } else {
            // The topic also carries entities that produce no CRM command (products, refunds,
            // fulfillments, invoices): their effect on an order arrives as the order's own update.
            LOG.debugf("event %s: type %s produces no CRM command", envelope.id(), envelope.type());
            metrics.notSynced(envelope.tenant(), envelope.type());
        }
    }

    private CompletionStage<Void> deadLetter(Message<byte[]> message, EventEnvelope envelope, String errorClass,
                                             Throwable cause) {
        String tenant = envelope == null ? null : envelope.tenant();
        // Exception messages can quote data; the dead letter's header keeps them, the log does not.
        LOG.warnf("event %s (tenant %s) dead-lettered as %s: %s", envelope == null ? "?" : envelope.id(), tenant,
                errorClass, cause.getClass().getSimpleName());
        metrics.deadLetter(tenant, errorClass);
        return DeadLetters.nack(message, errorClass, cause);
    }
}
