package io.crmsync.dedup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A Kafka record waiting to be relayed, written in the transaction that decided to emit it:
 * topic, key, CloudEvents headers and value exactly as they go on the wire, plus the W3C trace
 * context of that transaction so the trace continues when the relay sends it.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "tenant", nullable = false)
    private String tenant;

    @Column(name = "topic", nullable = false)
    private String topic;

    @Column(name = "record_key", nullable = false)
    private String recordKey;

    @Column(name = "ce_type", nullable = false)
    private String ceType;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "headers", nullable = false, columnDefinition = "jsonb")
    private Map<String, String> headers;

    @Column(name = "payload", nullable = false)
    private byte[] payload;

    @Column(name = "traceparent")
    private String traceparent;

    @Column(name = "tracestate")
    private String tracestate;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected OutboxMessage() {
    }

    public OutboxMessage(String tenant, String topic, String recordKey, String ceType, Map<String, String> headers,
                         byte[] payload, String traceparent, String tracestate, Instant createdAt) {
        this.tenant = tenant;
        this.topic = topic;
        this.recordKey = recordKey;
        this.ceType = ceType;
        this.headers = new HashMap<>(headers);
        this.payload = payload;
        this.traceparent = traceparent;
        this.tracestate = tracestate;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public String tenant() {
        return tenant;
    }

    public String topic() {
        return topic;
    }

    public String recordKey() {
        return recordKey;
    }

    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }

    public byte[] payload() {
        return payload;
    }

    /** The stored W3C trace context ({@code traceparent}, {@code tracestate}) as a carrier map. */
    public Map<String, String> traceContext() {
        Map<String, String> carrier = new HashMap<>();
        if (traceparent != null) {
            carrier.put("traceparent", traceparent);
        }
        if (tracestate != null) {
            carrier.put("tracestate", tracestate);
        }
        return carrier;
    }
}
