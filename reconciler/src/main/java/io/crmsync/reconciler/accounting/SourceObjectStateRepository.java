package io.crmsync.reconciler.accounting;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * {@code source_object_state}: what was received of each store object, what settled it in the CRM,
 * whether it is open (a mismatch once past the grace period), its repair attempts and CRM checks.
 * The rules live in {@link ObjectState}; here each change is read under a row lock and written back.
 */
@ApplicationScoped
public class SourceObjectStateRepository {

    private static final String COLUMNS = """
            first_received_at, last_received_at, last_origin, received_version, last_settled_at, last_outcome,
            last_error_class, crm_id, settled_version, awaiting_settlement, mismatch_reason, repair_attempts,
            last_repair_at, repair_outcome, crm_checked_at, crm_check_outcome""";
    private static final String KEY = "tenant = ? and platform = ? and store_id = ? and object_type = ? and object_id = ?";
    /**
     * Open and past the grace period since the last receipt; a record missing from the CRM at once; one
     * under repair stays listed while its replay travels (the spacing, not the grace, times it).
     */
    private static final String MISMATCH = "awaiting_settlement and (mismatch_reason = 'crm-missing'"
            + " or repair_attempts > 0 or last_received_at < ?)";
    private static final String FINAL_REPAIR = "coalesce(repair_outcome, '') not in ('gone', 'exhausted')";

    private final AgroalDataSource dataSource;

    public SourceObjectStateRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A store object, as both sides name it. */
    public record ObjectKey(String tenant, String platform, String storeId, String objectType, String objectId) {
    }

    /** One open object past the grace period (or missing from the CRM), with its repair so far. */
    public record Mismatch(ObjectKey key, ObjectState state) {
    }

    /**
     * Applies {@code change} to the object's row under a lock, or stores {@code initial} when there
     * is none yet (the received and the result consumers may race to create it).
     */
    @Transactional
    public ObjectState apply(ObjectKey key, Supplier<ObjectState> initial, UnaryOperator<ObjectState> change)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Optional<ObjectState> current = lockedRow(connection, key);
            if (current.isEmpty()) {
                ObjectState created = initial.get();
                if (insert(connection, key, created)) {
                    return created;
                }
                current = lockedRow(connection, key);
            }
            ObjectState changed = change.apply(current.orElseThrow());
            if (!changed.equals(current.get())) {
                update(connection, key, changed);
            }
            return changed;
        }
    }

    /** The tenant's mismatches, oldest receipt first. */
    @Transactional
    public List<Mismatch> mismatches(String tenant, Instant receivedBefore, int limit) throws SQLException {
        return select("where tenant = ? and " + MISMATCH + " order by last_received_at limit ?", s -> {
            s.setString(1, tenant);
            s.setTimestamp(2, Timestamp.from(receivedBefore));
            s.setInt(3, limit);
        });
    }

    /**
     * Mismatches whose next repair attempt is due: fewer than {@code maxAttempts} so far, the last
     * one at least {@code spacing × 2^attempts} ago, not found gone. Oldest receipt first.
     */
    @Transactional
    public List<Mismatch> dueForRepair(String tenant, Instant receivedBefore, Instant now, Duration spacing,
                                       int maxAttempts, int limit) throws SQLException {
        return select("where tenant = ? and " + MISMATCH + " and " + FINAL_REPAIR + " and repair_attempts < ?"
                + " and (last_repair_at is null or last_repair_at + (? * power(2, repair_attempts)) * interval '1 millisecond' <= ?)"
                + " order by last_received_at limit ?", s -> {
            s.setString(1, tenant);
            s.setTimestamp(2, Timestamp.from(receivedBefore));
            s.setInt(3, maxAttempts);
            s.setLong(4, spacing.toMillis());
            s.setTimestamp(5, Timestamp.from(now));
            s.setInt(6, limit);
        });
    }

    /**
     * Marks as exhausted the mismatches that used all their attempts and stayed open past the last
     * one's spacing; they stay listed with that fact.
     *
     * @return how many were marked now
     */
    @Transactional
    public int markExhausted(String tenant, Instant receivedBefore, Instant now, Duration spacing, int maxAttempts)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("update reconciler.source_object_state"
                     + " set repair_outcome = 'exhausted' where tenant = ? and " + MISMATCH + " and " + FINAL_REPAIR
                     + " and repair_attempts >= ?"
                     + " and last_repair_at + (? * power(2, repair_attempts)) * interval '1 millisecond' <= ?")) {
            update.setString(1, tenant);
            update.setTimestamp(2, Timestamp.from(receivedBefore));
            update.setInt(3, maxAttempts);
            update.setLong(4, spacing.toMillis());
            update.setTimestamp(5, Timestamp.from(now));
            return update.executeUpdate();
        }
    }

    /** One more repair attempt of the object, and what came of it. */
    @Transactional
    public void recordRepair(ObjectKey key, Instant at, String outcome) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("update reconciler.source_object_state"
                     + " set repair_attempts = repair_attempts + 1, last_repair_at = ?, repair_outcome = ? where " + KEY)) {
            update.setTimestamp(1, Timestamp.from(at));
            update.setString(2, outcome);
            bindKey(update, 3, key);
            update.executeUpdate();
        }
    }

    /**
     * Settled objects to read back from the CRM: written (created or updated), readable there (an
     * order by its reference, a customer by the CRM id its result carried), least recently checked first.
     */
    @Transactional
    public List<Mismatch> sampleForCrmCheck(String tenant, int limit) throws SQLException {
        return select("where tenant = ? and not awaiting_settlement and last_outcome in ('created', 'updated')"
                + " and (object_type = 'order' or (object_type = 'customer' and crm_id is not null))"
                + " order by crm_checked_at nulls first, last_settled_at limit ?", s -> {
            s.setString(1, tenant);
            s.setInt(2, limit);
        });
    }

    /**
     * Per tenant, of the objects received since {@code since}: how many, how many are settled (not
     * open), and how many are mismatches.
     */
    public record Tally(long received, long settled, long mismatched) {
    }

    @Transactional
    public Map<String, Tally> tallies(Instant since, Instant receivedBefore) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     select tenant, count(*), count(*) filter (where not awaiting_settlement),
                            count(*) filter (where %s)
                       from reconciler.source_object_state
                      where last_received_at >= ? group by tenant""".formatted(MISMATCH))) {
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

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private List<Mismatch> select(String where, Binder binder) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select tenant, platform, store_id, object_type, object_id, " + COLUMNS
                             + " from reconciler.source_object_state " + where)) {
            binder.bind(select);
            List<Mismatch> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Mismatch(new ObjectKey(rs.getString("tenant"), rs.getString("platform"),
                            rs.getString("store_id"), rs.getString("object_type"), rs.getString("object_id")), state(rs)));
                }
            }
            return rows;
        }
    }

    private static Optional<ObjectState> lockedRow(Connection connection, ObjectKey key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select " + COLUMNS + " from reconciler.source_object_state where " + KEY + " for update")) {
            bindKey(select, 1, key);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(state(rs)) : Optional.empty();
            }
        }
    }

    private static boolean insert(Connection connection, ObjectKey key, ObjectState state) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into reconciler.source_object_state (tenant, platform, store_id, object_type, object_id, " + COLUMNS
                        + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (tenant, platform, store_id, object_type, object_id) do nothing")) {
            bindKey(insert, 1, key);
            bindState(insert, 6, state);
            return insert.executeUpdate() == 1;
        }
    }

    private static void update(Connection connection, ObjectKey key, ObjectState state) throws SQLException {
        String set = String.join(" = ?, ", COLUMNS.replace("\n", " ").split(",\\s*")) + " = ?";
        try (PreparedStatement update = connection.prepareStatement(
                "update reconciler.source_object_state set " + set + " where " + KEY)) {
            int next = bindState(update, 1, state);
            bindKey(update, next, key);
            update.executeUpdate();
        }
    }

    private static int bindState(PreparedStatement s, int i, ObjectState state) throws SQLException {
        s.setTimestamp(i++, Timestamp.from(state.firstReceivedAt()));
        s.setTimestamp(i++, Timestamp.from(state.lastReceivedAt()));
        s.setString(i++, state.lastOrigin());
        i = instant(s, i, state.receivedVersion());
        i = instant(s, i, state.lastSettledAt());
        s.setString(i++, state.lastOutcome());
        s.setString(i++, state.lastErrorClass());
        s.setString(i++, state.crmId());
        i = instant(s, i, state.settledVersion());
        s.setBoolean(i++, state.awaiting());
        s.setString(i++, state.reason());
        s.setInt(i++, state.repairAttempts());
        i = instant(s, i, state.lastRepairAt());
        s.setString(i++, state.repairOutcome());
        i = instant(s, i, state.crmCheckedAt());
        s.setString(i++, state.crmCheckOutcome());
        return i;
    }

    private static int instant(PreparedStatement s, int i, Instant value) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setTimestamp(i, Timestamp.from(value));
        }
        return i + 1;
    }

    private static ObjectState state(ResultSet rs) throws SQLException {
        return new ObjectState(instant(rs, "first_received_at"), instant(rs, "last_received_at"), rs.getString("last_origin"),
                instant(rs, "received_version"), instant(rs, "last_settled_at"), rs.getString("last_outcome"),
                rs.getString("last_error_class"), rs.getString("crm_id"), instant(rs, "settled_version"),
                rs.getBoolean("awaiting_settlement"), rs.getString("mismatch_reason"), rs.getInt("repair_attempts"),
                instant(rs, "last_repair_at"), rs.getString("repair_outcome"), instant(rs, "crm_checked_at"),
                rs.getString("crm_check_outcome"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static void bindKey(PreparedStatement statement, int first, ObjectKey key) throws SQLException {
        statement.setString(first, key.tenant());
        statement.setString(first + 1, key.platform());
        statement.setString(first + 2, key.storeId());
        statement.setString(first + 3, key.objectType());
        statement.setString(first + 4, key.objectId());
    }
}
