package io.crmsync.dedup.messaging;

import io.crmsync.dedup.OutboxMessage;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends outbox rows as Kafka records (channel configured with {@code acks=all} and idempotence)
 * and reports how many of them, counted from the first, the broker acknowledged. Each record's
 * producer span is a child of the trace context stored with its row.
 */
@ApplicationScoped
public class OutboxPublisher {

    public static final String CHANNEL = "crm-record-upserts";

    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);

    private static final TextMapGetter<Map<String, String>> CARRIER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final MutinyEmitter<byte[]> emitter;

    public OutboxPublisher(@Channel(CHANNEL) MutinyEmitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    /**
     * Sends all rows at once (the producer keeps their order per partition) and waits for the
     * acknowledgements in order.
     *
     * @return the length of the acknowledged prefix of {@code rows}: those may be deleted. A row
     * after a failure is sent again later even if it got through, so nothing overtakes an earlier
     * command for the same record.
     */
    public int publish(List<OutboxMessage> rows, Duration timeout) {
        List<CompletableFuture<Void>> acks = new ArrayList<>(rows.size());
        for (OutboxMessage row : rows) {
            acks.add(emitter.sendMessage(toMessage(row)).subscribeAsCompletionStage());
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        int acknowledged = 0;
        for (CompletableFuture<Void> ack : acks) {
            try {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged++;
            } catch (ExecutionException e) {
                LOG.warnf("outbox row %d to %s not acknowledged: %s", rows.get(acknowledged).id(),
                        rows.get(acknowledged).topic(), e.getCause());
                break;
            } catch (TimeoutException e) {
                LOG.warnf("outbox row %d to %s not acknowledged within %s", rows.get(acknowledged).id(),
                        rows.get(acknowledged).topic(), timeout);
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return acknowledged;
    }

    static Message<byte[]> toMessage(OutboxMessage row) {
        RecordHeaders headers = new RecordHeaders();
        row.headers().forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic())
                .withKey(row.recordKey())
                .withHeaders(headers)
                .build();
        // The connector starts the producer span under this context and writes its traceparent.
        Context stored = W3CTraceContextPropagator.getInstance().extract(Context.root(), row.traceContext(), CARRIER);
        return Message.of(row.payload(), Metadata.of(kafka, TracingMetadata.withCurrent(stored)));
    }
}
