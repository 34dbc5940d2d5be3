package io.crmsync.reconciler.accounting;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code source_object_state}: what was received of each store object, and what settled it in the CRM. */
@ApplicationScoped
public class SourceObjectStateRepository {

    private final AgroalDataSource dataSource;

    public SourceObjectStateRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A store object, as both sides name it. */
    public record ObjectKey(String tenant, String platform, String storeId, String objectType, String objectId) {
    }

    /** One unsettled object: received, no CRM write result since. */
    public record Unsettled(ObjectKey key, Instant firstReceivedAt, Instant lastReceivedAt, String lastOrigin) {
    }

    @Transactional
    public void received(ObjectKey key, Instant at, String origin) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     insert into reconciler.source_object_state
                            (tenant, platform, store_id, object_type, object_id, first_received_at, last_received_at, last_origin)
                     values (?, ?, ?, ?, ?, ?, ?, ?)
                     on conflict (tenant, platform, store_id, object_type, object_id) do update
                        set last_received_at = greatest(reconciler.source_object_state.last_received_at, excluded.last_received_at),
                            last_origin = excluded.last_origin""")) {
            bind(upsert, key);
            upsert.setTimestamp(6, Timestamp.from(at));
            upsert.setTimestamp(7, Timestamp.from(at));
            upsert.setString(8, origin);
            upsert.executeUpdate();
        }
    }

    /**
     * A CRM write result for the object. Results can arrive before the received event is
     * accounted (the two topics are read independently): the row is then created by the result.
     */
    @Transactional
    public void settled(ObjectKey key, Instant at, String outcome, String errorClass, String crmId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     insert into reconciler.source_object_state
                            (tenant, platform, store_id, object_type, object_id, first_received_at, last_received_at,
                             last_settled_at, last_outcome, last_error_class, crm_id)
                     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                     on conflict (tenant, platform, store_id, object_type, object_id) do update
                        set last_settled_at = excluded.last_settled_at, last_outcome = excluded.last_outcome,
                            last_error_class = excluded.last_error_class,
                            crm_id = coalesce(excluded.crm_id, reconciler.source_object_state.crm_id)
                      where reconciler.source_object_state.last_settled_at is null
                         or reconciler.source_object_state.last_settled_at <= excluded.last_settled_at""")) {
            bind(upsert, key);
            upsert.setTimestamp(6, Timestamp.from(at));
            upsert.setTimestamp(7, Timestamp.from(at));
            upsert.setTimestamp(8, Timestamp.from(at));
            upsert.setString(9, outcome);
            upsert.setString(10, errorClass);
            upsert.setString(11, crmId);
            upsert.executeUpdate();
        }
    }

    /** Objects of the tenant received before {@code receivedBefore} and never settled, oldest first. */
    @Transactional
    public List<Unsettled> unsettled(String tenant, Instant receivedBefore, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     select * from reconciler.source_object_state
                      where tenant = ? and last_settled_at is null and last_received_at < ?
                      order by last_received_at limit ?""")) {
            select.setString(1, tenant);
            select.setTimestamp(2, Timestamp.from(receivedBefore));
            select.setInt(3, limit);
            List<Unsettled> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Unsettled(new ObjectKey(rs.getString("tenant"), rs.getString("platform"),
                            rs.getString("store_id"), rs.getString("object_type"), rs.getString("object_id")),
                            rs.getTimestamp("first_received_at").toInstant(), rs.getTimestamp("last_received_at").toInstant(),
                            rs.getString("last_origin")));
                }
            }
            return rows;
        }
    }

    /**
     * Per tenant, of the objects received since {@code since}: how many, how many a CRM write result
     * settled, and how many were received before {@code receivedBefore} and are still unsettled.
     */
    public record Tally(long received, long settled, long mismatched) {
    }

    @Transactional
    public Map<String, Tally> tallies(Instant since, Instant receivedBefore) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     select tenant, count(*), count(last_settled_at),
                            count(*) filter (where last_settled_at is null and last_received_at < ?)
                       from reconciler.source_object_state
                      where last_received_at >= ? group by tenant""")) {
            select.setTimestamp(1, Timestamp.from(receivedBefore));
            select.setTimestamp(2, Timestamp.from(since));
            Map<String, Tally> counts = new LinkedHashMap<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), new Tally(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                }
            }
            return counts;
        }
    }

    private static void bind(PreparedStatement statement, ObjectKey key) throws SQLException {
        statement.setString(1, key.tenant());
        statement.setString(2, key.platform());
        statement.setString(3, key.storeId());
        statement.setString(4, key.objectType());
        statement.setString(5, key.objectId());
    }
}
