package io.crmsync.testkit;

/**
 * The one broker and one database of a test JVM, started on first use and stopped when the JVM
 * exits, however many Quarkus applications the JVM boots in between.
 */
public final class SharedInfra {

    private static KafkaBroker kafka;
    private static PostgresServer postgres;

    private SharedInfra() {
    }

    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            kafka = KafkaBroker.onFreePorts(3).start();
            KafkaBroker started = kafka;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "kafka-broker-stop"));
        }
        return kafka;
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = PostgresServer.start();
            PostgresServer started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "postgres-stop"));
        }
        return postgres;
    }
}
