package io.crmsync.writer.lane;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code write_inbox} and {@code inbox_offset}. Rows of one record ({@code kafka_key}) are taken in
 * the order they were consumed, and a row waiting for a retry holds back the later rows of its
 * record, so a newer command never overtakes an older one for the same record.
 */
@ApplicationScoped
public class InboxRepository {

    private static final TypeReference<List<Map<String, String>>> HEADERS = new TypeReference<>() {
    };

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public InboxRepository(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** A consumed record to store; {@code offset} identifies it within its partition. */
    public record Consumed(String tenant, String kafkaKey, byte[] value, List<InboxRecord.RecordHeader> headers,
                           int partition, long offset) {
    }

    /**
     * Stores the records of one consumed batch and the offsets the whole batch reached, in one
     * transaction. Records at offsets already stored (a batch redelivered after a crash) are skipped.
     *
     * @param reached per partition, the offset after the batch's last record (stored or not)
     * @return the tenants that got new rows
     */
    @Transactional
    public List<String> accept(String topic, List<Consumed> records, Map<Integer, Long> reached) throws SQLException {
        Instant now = Instant.now();
        List<String> tenants = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            Map<Integer, Long> stored = storedOffsets(connection, topic);
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into writer.write_inbox (tenant, kafka_key, value, headers, source_partition, source_offset,
                                                    received_at, next_attempt_at)
                    values (?, ?, ?, cast(? as jsonb), ?, ?, ?, ?)""")) {
                for (Consumed r : records) {
                    if (r.offset() < stored.getOrDefault(r.partition(), 0L)) {
                        continue;
                    }
                    insert.setString(1, r.tenant());
                    insert.setString(2, r.kafkaKey());
                    insert.setBytes(3, r.value());
                    insert.setString(4, encode(r.headers()));
                    insert.setInt(5, r.partition());
                    insert.setLong(6, r.offset());
                    insert.setTimestamp(7, Timestamp.from(now));
                    insert.setTimestamp(8, Timestamp.from(now));
                    insert.addBatch();
                    if (!tenants.contains(r.tenant())) {
                        tenants.add(r.tenant());
                    }
                }
                insert.executeBatch();
            }
            advance(connection, topic, reached);
        }
        return tenants;
    }

    /**
     * Rows of the tenant that are due, oldest first, without the rows of a record that has an
     * earlier row still waiting for its retry.
     */
    @Transactional
    public List<InboxRecord> due(String tenant, Instant now, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     select w.* from writer.write_inbox w
                      where w.tenant = ? and w.next_attempt_at <= ?
                        and not exists (select 1 from writer.write_inbox h
                                         where h.tenant = w.tenant and h.kafka_key = w.kafka_key
                                           and h.id < w.id and h.next_attempt_at > ?)
                      order by w.id limit ?""")) {
            select.setString(1, tenant);
            select.setTimestamp(2, Timestamp.from(now));
            select.setTimestamp(3, Timestamp.from(now));
            select.setInt(4, limit);
            List<InboxRecord> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new InboxRecord(rs.getLong("id"), rs.getString("tenant"), rs.getString("kafka_key"),
                            rs.getBytes("value"), decode(rs.getString("headers")), rs.getInt("source_partition"),
                            rs.getLong("source_offset"), rs.getTimestamp("received_at").toInstant(),
                            rs.getInt("attempts"), rs.getTimestamp("next_attempt_at").toInstant()));
                }
            }
            return rows;
        }
    }

    /** When the tenant's earliest row that is not due yet becomes due; empty when none waits. */
    @Transactional
    public Optional<Instant> nextDue(String tenant, Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select min(next_attempt_at) from writer.write_inbox where tenant = ? and next_attempt_at > ?")) {
            select.setString(1, tenant);
            select.setTimestamp(2, Timestamp.from(now));
            try (ResultSet rs = select.executeQuery()) {
                Timestamp at = rs.next() ? rs.getTimestamp(1) : null;
                return Optional.ofNullable(at).map(Timestamp::toInstant);
            }
        }
    }

    /** Rows waiting per tenant: the queue depth. */
    @Transactional
    public Map<String, Long> depth() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select tenant, count(*) from writer.write_inbox group by tenant");
             ResultSet rs = select.executeQuery()) {
            Map<String, Long> depth = new LinkedHashMap<>();
            while (rs.next()) {
                depth.put(rs.getString(1), rs.getLong(2));
            }
            return depth;
        }
    }

    /** Settled rows leave the inbox. */
    @Transactional
    public void delete(Collection<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("delete from writer.write_inbox where id = any(?)")) {
            delete.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            delete.executeUpdate();
        }
    }

    /** Rows that go again at {@code at}; {@code attempts} their failed attempts from now on. */
    @Transactional
    public void reschedule(Collection<Long> ids, int attempts, Instant at, String errorClass) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("""
                     update writer.write_inbox set attempts = ?, next_attempt_at = ?, last_error_class = ?
                      where id = any(?)""")) {
            update.setInt(1, attempts);
            update.setTimestamp(2, Timestamp.from(at));
            update.setString(3, errorClass);
            update.setArray(4, connection.createArrayOf("bigint", ids.toArray()));
            update.executeUpdate();
        }
    }

    private static Map<Integer, Long> storedOffsets(Connection connection, String topic) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select partition, next_offset from writer.inbox_offset where topic = ? for update")) {
            select.setString(1, topic);
            Map<Integer, Long> offsets = new HashMap<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    offsets.put(rs.getInt(1), rs.getLong(2));
                }
            }
            return offsets;
        }
    }

    private static void advance(Connection connection, String topic, Map<Integer, Long> next) throws SQLException {
        if (next.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                insert into writer.inbox_offset (topic, partition, next_offset) values (?, ?, ?)
                on conflict (topic, partition)
                do update set next_offset = greatest(writer.inbox_offset.next_offset, excluded.next_offset)""")) {
            for (Map.Entry<Integer, Long> e : next.entrySet()) {
                upsert.setString(1, topic);
                upsert.setInt(2, e.getKey());
                upsert.setLong(3, e.getValue());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private String encode(List<InboxRecord.RecordHeader> headers) {
        List<Map<String, String>> encoded = new ArrayList<>();
        Base64.Encoder base64 = Base64.getEncoder();
        for (InboxRecord.RecordHeader h : headers) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("k", h.name());
            if (h.value() != null) {
                entry.put("v", base64.encodeToString(h.value()));
            }
            encoded.add(entry);
        }
        try {
            return json.writeValueAsString(encoded);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("headers are plain strings", e);
        }
    }

    private List<InboxRecord.RecordHeader> decode(String headers) {
        try {
            List<InboxRecord.RecordHeader> decoded = new ArrayList<>();
            Base64.Decoder base64 = Base64.getDecoder();
            for (Map<String, String> entry : json.readValue(headers, HEADERS)) {
                String value = entry.get("v");
                decoded.add(new InboxRecord.RecordHeader(entry.get("k"), value == null ? null : base64.decode(value)));
            }
            return decoded;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("write_inbox.headers is not the JSON this class writes", e);
        }
    }
}
