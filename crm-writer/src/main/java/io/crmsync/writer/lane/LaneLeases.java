package io.crmsync.writer.lane;

import io.agroal.api.AgroalDataSource;
import io.crmsync.writer.config.WriterConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code lane_lease}: with several writer instances, each tenant's lane is drained by one of them
 * at a time, so one record's commands are written in order. A lease is renewed while the instance
 * drains and taken over by another once it lapsed (the instance died).
 */
@ApplicationScoped
public class LaneLeases {

    private final AgroalDataSource dataSource;
    private final WriterConfig config;
    private final String owner = UUID.randomUUID().toString();
    private final Map<String, Instant> heldUntil = new ConcurrentHashMap<>();

    public LaneLeases(AgroalDataSource dataSource, WriterConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** Whether this instance owns the tenant's lane now; renews the lease when half of it is spent. */
    public boolean hold(String tenant) throws SQLException {
        Instant now = Instant.now();
        Instant until = heldUntil.get(tenant);
        if (until != null && now.isBefore(until.minus(config.lanes().lease().dividedBy(2)))) {
            return true;
        }
        Instant renewed = now.plus(config.lanes().lease());
        if (acquire(tenant, now, renewed)) {
            heldUntil.put(tenant, renewed);
            return true;
        }
        heldUntil.remove(tenant);
        return false;
    }

    @Transactional
    boolean acquire(String tenant, Instant now, Instant until) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     insert into writer.lane_lease (tenant, owner, lease_until) values (?, ?, ?)
                     on conflict (tenant) do update set owner = excluded.owner, lease_until = excluded.lease_until
                      where writer.lane_lease.owner = excluded.owner or writer.lane_lease.lease_until < ?""")) {
            upsert.setString(1, tenant);
            upsert.setString(2, owner);
            upsert.setTimestamp(3, Timestamp.from(until));
            upsert.setTimestamp(4, Timestamp.from(now));
            return upsert.executeUpdate() == 1;
        }
    }

    /** Gives every lease of this instance up (shutdown), so another instance takes over at once. */
    @Transactional
    public void releaseAll() throws SQLException {
        heldUntil.clear();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("delete from writer.lane_lease where owner = ?")) {
            delete.setString(1, owner);
            delete.executeUpdate();
        }
    }
}
