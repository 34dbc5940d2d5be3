package io.crmsync.reconciler.backfill;

import io.agroal.api.AgroalDataSource;
import io.crmsync.reconciler.service.CursorPosition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code backfill_job}. */
@ApplicationScoped
public class BackfillJobRepository {

    private final AgroalDataSource dataSource;

    public BackfillJobRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional
    public void insert(BackfillJob job) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into reconciler.backfill_job (id, tenant, store_id, object_type, since,
                            position_modified_since, position_last_id, status, published, requested_by, created_at, updated_at)
                     values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)""")) {
            insert.setString(1, job.id());
            insert.setString(2, job.tenant());
            insert.setString(3, job.storeId());
            insert.setString(4, job.objectType());
            insert.setTimestamp(5, Timestamp.from(job.since()));
            insert.setTimestamp(6, Timestamp.from(job.position().modifiedSince()));
            insert.setString(7, job.position().lastObjectId());
            insert.setString(8, job.status());
            insert.setString(9, job.requestedBy());
            insert.setTimestamp(10, Timestamp.from(job.createdAt()));
            insert.setTimestamp(11, Timestamp.from(job.updatedAt()));
            insert.executeUpdate();
        }
    }

    /** A page was published: the job's position and count move on, in one statement. */
    @Transactional
    public void advanced(String id, CursorPosition position, int published) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("""
                     update reconciler.backfill_job
                        set position_modified_since = ?, position_last_id = ?, published = published + ?, updated_at = ?
                      where id = ?""")) {
            update.setTimestamp(1, Timestamp.from(position.modifiedSince()));
            update.setString(2, position.lastObjectId());
            update.setInt(3, published);
            update.setTimestamp(4, Timestamp.from(Instant.now()));
            update.setString(5, id);
            update.executeUpdate();
        }
    }

    @Transactional
    public void finished(String id, String status, String error) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "update reconciler.backfill_job set status = ?, last_error = ?, updated_at = ? where id = ?")) {
            update.setString(1, status);
            update.setString(2, error);
            update.setTimestamp(3, Timestamp.from(Instant.now()));
            update.setString(4, id);
            update.executeUpdate();
        }
    }

    @Transactional
    public Optional<BackfillJob> find(String id) throws SQLException {
        List<BackfillJob> jobs = select("select * from reconciler.backfill_job where id = ?", id);
        return jobs.stream().findFirst();
    }

    @Transactional
    public List<BackfillJob> byTenant(String tenant) throws SQLException {
        return select("select * from reconciler.backfill_job where tenant = ? order by created_at desc", tenant);
    }

    @Transactional
    public List<BackfillJob> running() throws SQLException {
        return select("select * from reconciler.backfill_job where status = ? order by created_at", BackfillJob.RUNNING);
    }

    private List<BackfillJob> select(String sql, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, parameter);
            List<BackfillJob> jobs = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    jobs.add(new BackfillJob(rs.getString("id"), rs.getString("tenant"), rs.getString("store_id"),
                            rs.getString("object_type"), rs.getTimestamp("since").toInstant(),
                            new CursorPosition(rs.getTimestamp("position_modified_since").toInstant(),
                                    rs.getString("position_last_id")),
                            rs.getString("status"), rs.getLong("published"), rs.getString("last_error"),
                            rs.getString("requested_by"), rs.getTimestamp("created_at").toInstant(),
                            rs.getTimestamp("updated_at").toInstant()));
                }
            }
            return jobs;
        }
    }
}
