package io.crmsync.testkit.stack;

import io.crmsync.testkit.PostgresServer;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** The local stack's database as a process of its own: {@code PostgresMain <dataDir> <port>}; data persists. */
public final class PostgresMain {

    private PostgresMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        PostgresServer postgres = PostgresServer.start(Path.of(args[0]), Integer.parseInt(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop, "postgres-stop"));
        System.out.println("postgres ready on " + postgres.jdbcUrl("postgres"));
        new CountDownLatch(1).await();
    }
}
