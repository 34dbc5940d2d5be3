package io.crmsync.commons.messaging;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseOutageTest {

    @Test
    void aLostOrRefusedConnectionIsAnOutage() {
        // As Hibernate wraps PgJDBC's refusal (SQLSTATE 08001).
        assertThat(DatabaseOutage.isCauseOf(new IllegalStateException("Unable to acquire JDBC Connection",
                new SQLException("Connection to localhost:15432 refused", "08001")))).isTrue();
        assertThat(DatabaseOutage.isCauseOf(new RuntimeException(new SQLException("terminating connection", "57P01")))).isTrue();
        assertThat(DatabaseOutage.isCauseOf(new SQLException("I/O error", "08006"))).isTrue();
        assertThat(DatabaseOutage.isCauseOf(new IllegalStateException(new ConnectException("Connection refused")))).isTrue();
    }

    /** As Narayana reports a commit on a connection PostgreSQL closed: the driver's error only suppressed. */
    @Test
    void aClosedConnectionFoundOnlyAmongSuppressedFailuresIsAnOutage() {
        Exception xa = new Exception("Error trying to transactionCommit local transaction",
                new SQLException("This connection has been closed.", "08003"));
        Exception rollback = new Exception("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);
        assertThat(DatabaseOutage.isCauseOf(new RuntimeException("Error invoking subclass method", rollback))).isTrue();
    }

    @Test
    void aFailureOfTheRecordIsNot() {
        assertThat(DatabaseOutage.isCauseOf(new RuntimeException("duplicate key",
                new SQLException("duplicate key value", "23505")))).isFalse();
        assertThat(DatabaseOutage.isCauseOf(new IllegalArgumentException("bad data"))).isFalse();
        assertThat(DatabaseOutage.isCauseOf(new RuntimeException(new SQLException("no state")))).isFalse();
    }

    @Test
    void theWorkIsRunAgainUntilTheDatabaseAnswers() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        DatabaseOutage.waitOut("test", () -> {
            if (tries.incrementAndGet() < 3) {
                throw new SQLException("Connection refused", "08001");
            }
        });
        assertThat(tries).hasValue(3);
    }

    @Test
    void anyOtherFailureIsThrownAtOnce() {
        AtomicInteger tries = new AtomicInteger();
        assertThatThrownBy(() -> DatabaseOutage.waitOut("test", () -> {
            tries.incrementAndGet();
            throw new SQLException("duplicate key value", "23505");
        })).isInstanceOf(SQLException.class).hasMessage("duplicate key value");
        assertThat(tries).hasValue(1);
    }

    @Test
    void aWaitEndsWhenTheThreadIsInterrupted() {
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> DatabaseOutage.waitOut("test", () -> {
            throw new SQLException("Connection refused", "08001");
        })).isInstanceOf(InterruptedException.class);
        assertThat(Thread.interrupted()).isFalse();
    }
}
