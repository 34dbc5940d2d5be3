package io.crmsync.dedup;

import io.agroal.api.AgroalDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the service's rows the way an auditor would: plain SQL on the {@code dedup} schema. */
final class DedupRows {

    private final AgroalDataSource dataSource;

    DedupRows(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The identity links a golden contact owns: "KIND value REASON", oldest first. */
    List<String> links(String goldenKey) throws SQLException {
        return strings("select kind || ' ' || value || ' ' || reason from dedup.identity_link where golden_key = ? order by id",
                goldenKey);
    }

    /** The golden contact's {@code merged_into}, or null while it is live. */
    String mergedInto(String goldenKey) throws SQLException {
        List<String> rows = strings("select merged_into from dedup.golden_contact where golden_key = ?", goldenKey);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Merge records naming the key: "survivor merged REASON eventId undoneBy", oldest first. */
    List<String> merges(String goldenKey) throws SQLException {
        return strings("""
                select survivor_key || ' ' || merged_key || ' ' || reason || ' ' || event_id || ' ' || coalesce(undone_by, '-')
                from dedup.merge_record where survivor_key = ? or merged_key = ? order by merged_at, id""",
                goldenKey, goldenKey);
    }

    /** The company links of a golden company: "KIND value REASON", oldest first. */
    List<String> companyLinks(String companyKey) throws SQLException {
        return strings("select kind || ' ' || value || ' ' || reason from dedup.company_link where company_key = ? order by id",
                companyKey);
    }

    private List<String> strings(String sql, String... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                q.setString(i + 1, params[i]);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        }
    }
}
