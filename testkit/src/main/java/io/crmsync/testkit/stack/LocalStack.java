package io.crmsync.testkit.stack;

import io.crmsync.testkit.AppProcess;
import io.crmsync.testkit.FreePorts;
import io.crmsync.testkit.JwtTokens;
import io.crmsync.testkit.PostgresServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the whole system on one machine with only a JDK: the broker and the database from the
 * test kit's artifacts, the CRM sandbox, the storefront simulator and the five services from
 * their fast-jars, each a detached process with a pid file and a log under the run folder.
 */
public final class LocalStack {

    public static final List<Component> COMPONENTS = List.of(
            Component.KAFKA,
            Component.POSTGRES,
            Component.app("crm-sandbox", 8090),
            Component.app("storefront-simulator", 8091),
            Component.app("webhook-ingress", 8080),
            Component.app("normalizer", 8081),
            Component.app("dedup-service", 8082),
            Component.app("crm-writer", 8083),
            Component.app("reconciler", 8084));

    static final int KAFKA_CONTROLLER_PORT = 19093;
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

    private final Path root;
    private final Path runDir;
    private final StackKeys keys;

    public LocalStack(Path root, Path runDir) {
        this.root = root.toAbsolutePath().normalize();
        this.runDir = runDir.toAbsolutePath().normalize();
        this.keys = new StackKeys(this.runDir);
    }

    /**
     * A stack of its own for a test: its run folder is emptied first, so no data, pid file or log of
     * an earlier run is taken over. Never point it at a folder a running stack uses.
     */
    public static LocalStack fresh(Path root, Path runDir) throws IOException {
        if (Files.exists(runDir)) {
            try (Stream<Path> paths = Files.walk(runDir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return new LocalStack(root, runDir);
    }

    public Path tenantsFile() {
        return root.resolve("deploy/local/tenants.yaml");
    }

    public String kafkaBootstrapServers() {
        return "localhost:" + Component.KAFKA.port();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + Component.POSTGRES.port() + "/postgres";
    }

    public static String url(String component) {
        return "http://localhost:" + component(component).port();
    }

    /** Starts what is not running, waits until every component is ready. Harmless to repeat. */
    public void up(PrintStream out) {
        refuseForeignListeners();
        startIfDown(Component.KAFKA, out);
        startIfDown(Component.POSTGRES, out);
        awaitReady(List.of(Component.KAFKA, Component.POSTGRES), out);
        StackTopics.create(kafkaBootstrapServers());
        List<Component> apps = COMPONENTS.stream().filter(Component::isApp).toList();
        apps.forEach(app -> startIfDown(app, out));
        awaitReady(apps, out);
        out.println();
        printEndpoints(out);
    }

    /** Stops every process it started: SIGTERM, then SIGKILL after a grace period. */
    public void down(PrintStream out) {
        List<Component> reversed = new ArrayList<>(COMPONENTS);
        java.util.Collections.reverse(reversed);
        for (Component c : reversed) {
            Optional<ProcessHandle> process = process(c);
            process.ifPresent(p -> {
                out.printf("stopping %-21s pid %d%n", c.name(), p.pid());
                AppProcess.stop(p);
            });
            deletePidFile(c);
        }
        stopOrphanedPostgres(out);
        out.println("local stack stopped");
    }

    /**
     * SIGKILL of one component, as a crash or an OOM kill would end it (fault tests); {@link #up}
     * then starts it again exactly as it started it the first time.
     */
    public void kill(String component) {
        Component c = component(component);
        process(c).ifPresent(p -> {
            p.destroyForcibly();
            p.onExit().join();
        });
    }

    /** SIGTERM, then SIGKILL after a grace period, of one component: the first half of a clean restart. */
    public void stop(String component) {
        Component c = component(component);
        process(c).ifPresent(AppProcess::stop);
        if (c == Component.POSTGRES) {
            stopOrphanedPostgres(new PrintStream(OutputStream.nullOutputStream()));
        }
    }

    /** The folder of the components' logs ({@code <name>.log}). */
    public Path logDir() {
        return runDir.resolve("logs");
    }

    private static Component component(String name) {
        return COMPONENTS.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no component " + name + " in the local stack"));
    }

    /** Prints each component and whether it is ready; true only when all are. */
    public boolean status(PrintStream out) {
        boolean all = true;
        for (Component c : COMPONENTS) {
            Optional<ProcessHandle> process = process(c);
            boolean ready = isReady(c);
            all &= ready;
            out.printf("%-21s port %-6d %-8s %s%n", c.name(), c.port(),
                    process.map(p -> "pid " + p.pid()).orElse("-"), ready ? "ready" : (process.isPresent() ? "starting" : "down"));
        }
        return all;
    }

    public static List<Integer> ports() {
        return COMPONENTS.stream().map(Component::port).toList();
    }

    /** The processes the pid files name, for checks that nothing is left behind. */
    public List<ProcessHandle> runningProcesses() {
        return COMPONENTS.stream().map(this::process).flatMap(Optional::stream).toList();
    }

    /**
     * The running processes by component name, in start order (benchmarks read their CPU and memory).
     * PostgreSQL's server daemonises away from its launcher, so it is listed as well, as {@code postgres-server}.
     */
    public Map<String, ProcessHandle> processesByName() {
        Map<String, ProcessHandle> running = new LinkedHashMap<>();
        COMPONENTS.forEach(c -> process(c).ifPresent(p -> running.put(c.name(), p)));
        postgresServer().ifPresent(p -> running.put("postgres-server", p));
        return running;
    }

    public String token(String role) {
        return keys.token(role);
    }

    public void printEndpoints(PrintStream out) {
        out.println("crm-sync local stack is ready:");
        out.println("  webhooks       POST " + url("webhook-ingress") + "/webhooks/{platform}/{storeId}");
        for (Component c : COMPONENTS) {
            if (c.isApp()) {
                out.printf("  %-21s http://localhost:%d  (/q/health/ready, /q/metrics, /q/openapi)%n", c.name(), c.port());
            }
        }
        out.println("  kafka          " + kafkaBootstrapServers());
        out.println("  postgresql     " + jdbcUrl() + " (user postgres)");
        out.println("  tenants        " + tenantsFile());
        out.println("  logs           " + runDir.resolve("logs"));
        out.println("  admin token    deploy/local/stack token [crmsync-operator|crmsync-viewer]");
    }

    private void startIfDown(Component c, PrintStream out) {
        if (process(c).isPresent()) {
            out.printf("%-21s already running%n", c.name());
            return;
        }
        Path log = runDir.resolve("logs/" + c.name() + ".log");
        ProcessHandle handle;
        if (c.isApp()) {
            Path jar = root.resolve(c.module()).resolve("target/quarkus-app/quarkus-run.jar");
            handle = AppProcess.start(c.name(), jar, c.port(), appEnvironment(), log, "256m", true).handle();
        } else {
            handle = AppProcess.launch(c.name(), infraCommand(c), Map.of(), log, true);
        }
        writePidFile(c, handle);
        out.printf("%-21s started (pid %d, log %s)%n", c.name(), handle.pid(), root.relativize(log));
    }

    private List<String> infraCommand(Component c) {
        List<String> command = new ArrayList<>(AppProcess.javaCommand(c == Component.KAFKA ? "512m" : "128m"));
        command.add("-Djava.util.logging.manager=org.jboss.logmanager.LogManager");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        if (c == Component.KAFKA) {
            command.add(KafkaMain.class.getName());
            command.add(runDir.resolve("data/kafka").toString());
            command.add(String.valueOf(c.port()));
            command.add(String.valueOf(KAFKA_CONTROLLER_PORT));
        } else {
            command.add(PostgresMain.class.getName());
            command.add(runDir.resolve("data/postgres").toString());
            command.add(String.valueOf(c.port()));
        }
        return command;
    }

    private Map<String, String> appEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
        env.put("CRMSYNC_TENANTS_FILE", tenantsFile().toString());
        env.put("CRMSYNC_SIMULATOR_INGRESS_URL", url("webhook-ingress"));
        env.put("QUARKUS_OIDC_PUBLIC_KEY", keys.publicKeyBase64());
        env.put("QUARKUS_OIDC_TOKEN_ISSUER", JwtTokens.ISSUER);
        // No collector runs locally: spans still propagate, failed exports stay quiet.
        env.put("CRMSYNC_OTEL_EXPORT_LOG_LEVEL", "OFF");
        return env;
    }

    private void awaitReady(List<Component> components, PrintStream out) {
        Instant until = Instant.now().plus(READY_TIMEOUT);
        List<Component> waiting = new ArrayList<>(components);
        while (!waiting.isEmpty()) {
            waiting.removeIf(c -> {
                if (isReady(c)) {
                    out.printf("%-21s ready%n", c.name());
                    return true;
                }
                if (process(c).isEmpty()) {
                    throw new IllegalStateException(c.name() + " exited; see " + runDir.resolve("logs/" + c.name() + ".log"));
                }
                return false;
            });
            if (Instant.now().isAfter(until)) {
                throw new IllegalStateException("not ready after " + READY_TIMEOUT.toMinutes() + " min: "
                        + waiting.stream().map(Component::name).toList() + "; see " + runDir.resolve("logs"));
            }
            sleep(500);
        }
    }

    boolean isReady(Component c) {
        if (c == Component.KAFKA) {
            return kafkaReady();
        }
        if (c == Component.POSTGRES) {
            return postgresReady();
        }
        return AppProcess.isReady(c.port());
    }

    private boolean kafkaReady() {
        if (!FreePorts.isListening(Component.KAFKA.port())) {
            return false;
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        try (Admin admin = Admin.create(props)) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    private boolean postgresReady() {
        if (!FreePorts.isListening(Component.POSTGRES.port())) {
            return false;
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl(), PostgresServer.USER, PostgresServer.PASSWORD)) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** A port taken by something that is not ours would make the stack talk to a stranger. */
    private void refuseForeignListeners() {
        List<String> taken = COMPONENTS.stream()
                .filter(c -> process(c).isEmpty() && FreePorts.isListening(c.port()))
                .map(c -> c.name() + " (port " + c.port() + ")").toList();
        if (!taken.isEmpty()) {
            throw new IllegalStateException("ports in use by processes this stack did not start: " + taken
                    + ". Stop them (another local stack? run its 'down') and retry.");
        }
    }

    Optional<ProcessHandle> process(Component c) {
        Path pidFile = pidFile(c);
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        try {
            // "<pid> <start millis>": a pid the OS has since reused for a stranger does not match.
            String[] recorded = Files.readString(pidFile).strip().split(" ");
            long started = Long.parseLong(recorded[1]);
            return ProcessHandle.of(Long.parseLong(recorded[0])).filter(ProcessHandle::isAlive)
                    .filter(p -> startMillis(p) == started);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** PostgreSQL's server daemonises away from its launcher; its own pid file names it. */
    private void stopOrphanedPostgres(PrintStream out) {
        try {
            postgresServerPid().flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).ifPresent(p -> {
                out.printf("stopping %-21s pid %d%n", "postgres server", p.pid());
                AppProcess.stop(p);
            });
        } catch (IOException | RuntimeException e) {
            out.println("could not read " + postmasterPid() + ": " + e.getMessage());
        }
    }

    private Optional<ProcessHandle> postgresServer() {
        try {
            return postgresServerPid().flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private Optional<Long> postgresServerPid() throws IOException {
        Path postmasterPid = postmasterPid();
        if (!Files.exists(postmasterPid)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(Files.readAllLines(postmasterPid).get(0).strip()));
    }

    private Path postmasterPid() {
        return runDir.resolve("data/postgres/postmaster.pid");
    }

    private Path pidFile(Component c) {
        return runDir.resolve("pids/" + c.name() + ".pid");
    }

    private static long startMillis(ProcessHandle p) {
        return p.info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
    }

    private void writePidFile(Component c, ProcessHandle process) {
        try {
            Files.createDirectories(pidFile(c).getParent());
            Files.writeString(pidFile(c), process.pid() + " " + startMillis(process));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void deletePidFile(Component c) {
        try {
            Files.deleteIfExists(pidFile(c));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
