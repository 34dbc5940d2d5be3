package io.crmsync.normalizer.messaging;

import io.crmsync.commons.messaging.DeadLetters;
import io.crmsync.commons.messaging.EventEnvelope;
import io.crmsync.contract.CloudEventHeaders;
import io.crmsync.contract.EventCodec;
import io.crmsync.contract.webhook.WebhookReceived;
import io.crmsync.normalizer.mapping.Normalized;
import io.crmsync.normalizer.service.FetchBackPolicy;
import io.crmsync.normalizer.service.FetchBackService;
import io.crmsync.normalizer.service.NormalizationService;
import io.crmsync.normalizer.service.NormalizerMetrics;
import io.crmsync.normalizer.service.SourceObservation;
import io.crmsync.sourceapi.SourceApiException;
import io.crmsync.sourceapi.SourceAuthException;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Transport adapter of {@code commerce.webhook.received.v1}: envelope, decoding, trace context,
 * fetch-back, ack and dead letters. Records are handled one at a time in offset order on a worker
 * thread (fetch-back blocks on HTTP); each is acked only after its normalized event was
 * acknowledged by the broker, or after it was written to the dead-letter topic with its error
 * class, so nothing is lost and a bad record never blocks its partition. Transient admin API
 * failures are retried inside fetch-back first; only what is left after the retries is dead-lettered.
 */
@ApplicationScoped
public class WebhookConsumer {

    private static final Logger LOG = Logger.getLogger(WebhookConsumer.class);

    private final WebhookDecoder decoder;
    private final FetchBackPolicy fetchBackPolicy;
    private final FetchBackService fetchBack;
    private final NormalizationService normalizer;
    private final NormalizedEventPublisher publisher;
    private final NormalizerMetrics metrics;
    private final EventCodec codec;

    public WebhookConsumer(WebhookDecoder decoder, FetchBackPolicy fetchBackPolicy, FetchBackService fetchBack,
                           NormalizationService normalizer, NormalizedEventPublisher publisher,
                           NormalizerMetrics metrics, EventCodec codec) {
        this.decoder = decoder;
        this.fetchBackPolicy = fetchBackPolicy;
        this.fetchBack = fetchBack;
        this.normalizer = normalizer;
        this.publisher = publisher;
        this.metrics = metrics;
        this.codec = codec;
    }

    @Incoming(Channels.WEBHOOKS_IN)
    @Blocking(ordered = true)
    public Uni<Void> consume(Message<byte[]> message) {
        // The connector's consumer span, continued from the record's traceparent.
        Context trace = TracingMetadata.fromMessage(message).map(TracingMetadata::getCurrentContext).orElse(Context.current());
        EventEnvelope envelope;
        WebhookReceived event;
        try {
            envelope = EventEnvelope.of(message);
            event = decoder.decode(envelope, message.getPayload());
        } catch (RuntimeException e) {
            return deadLetter(message, headerTenant(message), ErrorClass.SCHEMA, e);
        }
        WebhookReceived authoritative = event;
        Instant observedAt = SourceObservation.of(envelope.origin(), event);
        if (fetchBackPolicy.shouldFetch(event)) {
            try (Scope ignored = trace.makeCurrent()) {
                observedAt = SourceObservation.fetchedNow();
                authoritative = fetchBack.fetch(event);
            } catch (SourceAuthException e) {
                return deadLetter(message, envelope.tenant(), ErrorClass.AUTH, e);
            } catch (SourceApiException | FaultToleranceException e) {
                // Retries exhausted, breaker open, object gone, or no admin API for the store.
                return deadLetter(message, envelope.tenant(), ErrorClass.SOURCE_UNAVAILABLE, e);
            } catch (RuntimeException e) {
                // The payload cannot name the object to read (e.g. a shipment webhook without its order id).
                return deadLetter(message, envelope.tenant(), ErrorClass.MAPPING, e);
            }
        }
        Normalized<?> normalized;
        byte[] data;
        try (Scope ignored = trace.makeCurrent()) {
            normalized = normalizer.normalize(authoritative);
            data = normalized.encode(codec);
        } catch (RuntimeException e) {
            // No mapper yet, an incomplete payload, or output that breaks the schema: replayable once fixed.
            return deadLetter(message, envelope.tenant(), ErrorClass.MAPPING, e);
        }
        return publisher.publish(envelope.withObservedAt(observedAt), normalized, data, trace)
                .onItemOrFailure().transformToUni((sent, failure) -> failure == null
                        ? acknowledge(message, envelope.tenant(), normalized)
                        : deadLetter(message, envelope.tenant(), ErrorClass.PUBLISH, failure));
    }

    private Uni<Void> acknowledge(Message<byte[]> message, String tenant, Normalized<?> normalized) {
        metrics.normalized(tenant, normalized.source().platform(), normalized.source().objectType());
        return Uni.createFrom().completionStage(message::ack);
    }

    private Uni<Void> deadLetter(Message<byte[]> message, String tenant, String errorClass, Throwable cause) {
        LOG.warnf("dead-lettering %s of tenant %s as %s: %s", position(message), tenant, errorClass, reason(cause));
        metrics.deadLettered(tenant, errorClass);
        return Uni.createFrom().completionStage(() -> DeadLetters.nack(message, errorClass, cause));
    }

    /** The raw {@code ce_tenant} header of a record whose envelope could not be read, for the metric tag. */
    private static String headerTenant(Message<?> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> m.getHeaders().lastHeader(CloudEventHeaders.TENANT))
                .map(Header::value)
                .map(v -> new String(v, StandardCharsets.UTF_8))
                .filter(t -> t.matches("[a-z0-9-]{1,63}"))
                .orElse(NormalizerMetrics.UNKNOWN_TENANT);
    }

    private static String position(Message<?> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> m.getTopic() + "-" + m.getPartition() + "@" + m.getOffset())
                .orElse("record");
    }

    /** Our exception messages name fields, never values; still bounded so a log line stays a line. */
    private static String reason(Throwable cause) {
        String text = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
