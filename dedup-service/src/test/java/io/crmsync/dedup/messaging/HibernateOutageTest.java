package io.crmsync.dedup.messaging;

import io.crmsync.commons.messaging.DatabaseOutage;
import jakarta.persistence.PersistenceException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Hibernate's wrappers, as this service's consumer meets them, classified by commons' DatabaseOutage. */
class HibernateOutageTest {

    @Test
    void hibernateFailingToReachTheDatabaseIsAnOutageEvenWithoutAnSqlState() {
        assertThat(DatabaseOutage.isCauseOf(new PersistenceException(new JDBCConnectionException(
                "Unable to acquire JDBC Connection", new SQLException("Sorry, acquisition timeout!"))))).isTrue();
    }

    @Test
    void aConstraintViolationIsNot() {
        assertThat(DatabaseOutage.isCauseOf(new ConstraintViolationException("duplicate key",
                new SQLException("duplicate key value", "23505"), "uk"))).isFalse();
    }
}
