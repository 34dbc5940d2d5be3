package io.crmsync.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The platforms' real payloads in {@code shared/fixtures}, beside the repository root. Tests that
 * need them are skipped, visibly, when they are absent; they are never copied into the repository.
 */
public final class Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    /** Walks up from the working directory to the first {@code shared/fixtures}. */
    public static Path dir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("fixtures");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        Assumptions.assumeTrue(false, "shared fixtures absent");
        throw new IllegalStateException("unreachable");
    }

    public static JsonNode json(String relativePath) {
        Path file = dir().resolve(relativePath);
        Assumptions.assumeTrue(Files.isRegularFile(file), "shared fixture " + relativePath + " absent");
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A REST resource unwrapped from its envelope ({@code {"order": {...}}}), as a webhook body carries it. */
    public static byte[] unwrapped(String relativePath, String wrapper) {
        try {
            return JSON.writeValueAsBytes(json(relativePath).get(wrapper));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(String relativePath) {
        try {
            return JSON.writeValueAsBytes(json(relativePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
