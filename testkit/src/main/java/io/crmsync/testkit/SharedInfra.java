package io.crmsync.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The one broker and one database of a test JVM, and the simulator applications a test asked
 * for; started on first use and stopped when the JVM exits, however many Quarkus applications
 * the JVM boots in between.
 */
public final class SharedInfra {

    private static KafkaBroker kafka;
    private static PostgresServer postgres;
    private static final Map<String, AppProcess> APPS = new HashMap<>();

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

    /**
     * A sibling module's Quarkus application ({@code crm-sandbox}, {@code storefront-simulator}),
     * run from its fast-jar. The test's module must depend on it (type pom, scope test) so the
     * reactor builds it first.
     */
    public static synchronized AppProcess app(String module, Map<String, String> env) {
        return APPS.computeIfAbsent(module, name -> {
            Path jar = moduleDir(name).resolve("target/quarkus-app/quarkus-run.jar");
            Path log = moduleDir(name).resolve("target/" + name + "-for-tests.log");
            AppProcess app = AppProcess.start(name, jar, FreePorts.next(), env, log, "256m", false)
                    .awaitReady(Duration.ofSeconds(60));
            Runtime.getRuntime().addShutdownHook(new Thread(app::stop, name + "-stop"));
            return app;
        });
    }

    private static Path moduleDir(String module) {
        Path sibling = Path.of("..", module).toAbsolutePath().normalize();
        if (!Files.isDirectory(sibling)) {
            throw new IllegalStateException("module " + module + " not found beside " + Path.of("").toAbsolutePath());
        }
        return sibling;
    }
}
