package io.crmsync.writer.control;

import io.agroal.api.AgroalDataSource;
import io.crmsync.contract.control.TenantControl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code tenant_state}: the latest {@code control.tenant.v1} state of each tenant that ever had one. */
@ApplicationScoped
public class TenantStateRepository {

    private final AgroalDataSource dataSource;

    public TenantStateRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores the state unless a newer one is already stored (control events of one tenant share a
     * partition, but the admin API also applies its own at once).
     */
    @Transactional
    public void apply(TenantControl control) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     insert into writer.tenant_state (tenant, state, reason, message, changed_at, changed_by)
                     values (?, ?, ?, ?, ?, ?)
                     on conflict (tenant) do update
                        set state = excluded.state, reason = excluded.reason, message = excluded.message,
                            changed_at = excluded.changed_at, changed_by = excluded.changed_by
                      where writer.tenant_state.changed_at <= excluded.changed_at""")) {
            upsert.setString(1, control.tenant());
            upsert.setString(2, wire(control.state()));
            upsert.setString(3, control.reason());
            upsert.setString(4, control.message());
            upsert.setTimestamp(5, Timestamp.from(control.changedAt()));
            upsert.setString(6, control.changedBy());
            upsert.executeUpdate();
        }
    }

    @Transactional
    public Optional<TenantControl> find(String tenant) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select * from writer.tenant_state where tenant = ?")) {
            select.setString(1, tenant);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    @Transactional
    public List<TenantControl> all() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select * from writer.tenant_state order by tenant");
             ResultSet rs = select.executeQuery()) {
            List<TenantControl> states = new ArrayList<>();
            while (rs.next()) {
                states.add(read(rs));
            }
            return states;
        }
    }

    private static TenantControl read(ResultSet rs) throws SQLException {
        return new TenantControl(rs.getString("tenant"),
                "paused".equals(rs.getString("state")) ? TenantControl.State.PAUSED : TenantControl.State.ACTIVE,
                rs.getString("reason"), rs.getString("message"), rs.getTimestamp("changed_at").toInstant(),
                rs.getString("changed_by"));
    }

    private static String wire(TenantControl.State state) {
        return state == TenantControl.State.PAUSED ? "paused" : "active";
    }
}
