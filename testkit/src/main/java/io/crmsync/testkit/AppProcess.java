package io.crmsync.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Quarkus application run from its fast-jar as a child process, ready when its
 * {@code /q/health/ready} answers 200. Used by tests that need the CRM sandbox or the simulator,
 * by the end-to-end suite and by the local stack.
 */
public final class AppProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final int port;
    private final ProcessHandle handle;

    private AppProcess(String name, int port, ProcessHandle handle) {
        this.name = name;
        this.port = port;
        this.handle = handle;
    }

    /**
     * @param detached run under {@code setsid} so the process outlives the launcher (local stack)
     */
    public static AppProcess start(String name, Path jar, int port, Map<String, String> env, Path log,
                                   String maxHeap, boolean detached) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + " is not built: " + jar + " is missing (run ./mvnw -B package -DskipTests)");
        }
        List<String> command = new ArrayList<>(javaCommand(maxHeap));
        command.add("-Dquarkus.http.port=" + port);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        return new AppProcess(name, port, launch(name, command, env, log, detached));
    }

    /** {@code java} of this JVM with small-footprint flags: many JVMs share two cores locally. */
    public static List<String> javaCommand(String maxHeap) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    }

    /** Starts {@code command} with its output appended to {@code log}. */
    public static ProcessHandle launch(String name, List<String> command, Map<String, String> env, Path log,
                                       boolean detached) {
        List<String> full = new ArrayList<>();
        if (detached) {
            full.add("setsid");
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(env);
        try {
            Files.createDirectories(log.getParent());
            return builder.start().toHandle();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public ProcessHandle handle() {
        return handle;
    }

    public boolean isAlive() {
        return handle.isAlive();
    }

    public boolean isReady() {
        return isReady(port);
    }

    public static boolean isReady(int port) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public AppProcess awaitReady(Duration timeout) {
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            if (isReady()) {
                return this;
            }
            if (!isAlive()) {
                throw new IllegalStateException(name + " exited before it was ready; see its log");
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " not ready after " + timeout.toSeconds() + " s; see its log");
    }

    /** SIGTERM (Quarkus shuts down gracefully), then SIGKILL after a grace period. */
    public void stop() {
        stop(handle);
    }

    public static void stop(ProcessHandle process) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        Instant until = Instant.now().plusSeconds(15);
        while (process.isAlive() && Instant.now().isBefore(until)) {
            sleep(100);
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
