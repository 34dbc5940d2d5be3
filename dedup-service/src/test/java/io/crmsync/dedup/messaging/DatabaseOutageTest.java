package io.crmsync.dedup.messaging;

import jakarta.persistence.PersistenceException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseOutageTest {

    @Test
    void aLostOrRefusedConnectionIsAnOutage() {
        assertThat(DatabaseOutage.isCauseOf(new JDBCConnectionException("Unable to acquire JDBC Connection",
                new SQLException("Connection refused")))).isTrue();
        assertThat(DatabaseOutage.isCauseOf(new PersistenceException(new SQLException("terminating connection", "57P01")))).isTrue();
        assertThat(DatabaseOutage.isCauseOf(new PersistenceException(new SQLException("I/O error", "08006")))).isTrue();
        assertThat(DatabaseOutage.isCauseOf(new IllegalStateException(new ConnectException("Connection refused")))).isTrue();
    }

    @Test
    void aFailureOfTheRecordIsNot() {
        assertThat(DatabaseOutage.isCauseOf(new ConstraintViolationException("duplicate key",
                new SQLException("duplicate key value", "23505"), "uk"))).isFalse();
        assertThat(DatabaseOutage.isCauseOf(new IllegalArgumentException("bad data"))).isFalse();
        assertThat(DatabaseOutage.isCauseOf(new PersistenceException(new SQLException("no state")))).isFalse();
    }
}
