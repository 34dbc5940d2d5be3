package io.crmsync.commons.messaging;

import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a database that cannot be reached (refused or lost connection, server shutting down or
 * starting) from a failure of the record itself, and waits the first out. A consumer that
 * dead-letters or stops on it turns a PostgreSQL restart into lost orders or a stalled service;
 * waiting keeps the record (and its partition, in order) until the database answers again.
 */
public final class DatabaseOutage {

    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class);
    private static final Duration FIRST_WAIT = Duration.ofMillis(500);
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);
    /** Hibernate's failure to reach the database (also an acquisition timeout), named so commons needs no Hibernate. */
    private static final String HIBERNATE_CONNECTION_FAILURE = "org.hibernate.exception.JDBCConnectionException";

    /** Work against the database. */
    @FunctionalInterface
    public interface Work<E extends Exception> {
        void run() throws E;
    }

    private DatabaseOutage() {
    }

    /**
     * Runs {@code work}, again after each outage (backoff 0.5 s doubling to 30 s, without end); any
     * other failure is thrown as it came.
     *
     * @param what names the record in the log line (ids only, never data)
     * @throws InterruptedException interrupted while waiting (shutting down): leave the record
     *                              unacknowledged, so it is read again
     */
    public static <E extends Exception> void waitOut(String what, Work<E> work) throws E, InterruptedException {
        Duration wait = FIRST_WAIT;
        while (true) {
            try {
                work.run();
                return;
            } catch (Exception e) {
                if (!isCauseOf(e)) {
                    throw e;
                }
                LOG.warnf("%s waits for the database (%s); next try in %d ms", what, e.getClass().getSimpleName(),
                        wait.toMillis());
                Thread.sleep(wait.toMillis());
                wait = wait.multipliedBy(2).compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait.multipliedBy(2);
            }
        }
    }

    /**
     * Whether the failure, one of its causes or what they suppressed is the database being
     * unreachable. Suppressed ones count: a JTA commit on a closed connection fails with a
     * RollbackException that carries the driver's error only as a suppressed XAException.
     */
    public static boolean isCauseOf(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.push(failure);
        while (!pending.isEmpty()) {
            Throwable t = pending.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (isUnreachable(t)) {
                return true;
            }
            if (t.getCause() != null) {
                pending.push(t.getCause());
            }
            for (Throwable suppressed : t.getSuppressed()) {
                pending.push(suppressed);
            }
        }
        return false;
    }

    private static boolean isUnreachable(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException
                || t instanceof ConnectException || t.getClass().getName().equals(HIBERNATE_CONNECTION_FAILURE)) {
            return true;
        }
        // SQLSTATE class 08: connection exception; 57P01-57P03: admin shutdown, crash shutdown, cannot connect now.
        return t instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"));
    }
}
