package io.crmsync.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.contract.EventCodec;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The platforms' own payloads in {@code shared/fixtures} beside the clone (CI and sessions have
 * it; a plain clone does not). Tests that need them are skipped, visibly, when they are absent;
 * they are never copied into the repository.
 */
public final class SharedFixtures {

    private SharedFixtures() {
    }

    /** The fixtures folder, found by walking up from the working directory. */
    public static Optional<Path> directory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("fixtures");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** A fixture file; skips the calling test when it is absent. */
    public static Path file(String relative) {
        Path dir = directory().orElse(null);
        Assumptions.assumeTrue(dir != null, "shared fixtures absent: no shared/fixtures above " + Path.of("").toAbsolutePath());
        Path file = dir.resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(file), "shared fixture " + relative + " absent");
        return file;
    }

    /** A JSON fixture with every number exactly as written. */
    public static JsonNode json(String relative) {
        try {
            return EventCodec.parse(Files.readAllBytes(file(relative)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The resources of a REST fixture wrapped as {@code {"order": {...}}} or {@code {"orders": [...]}},
     * unwrapped as a webhook body carries them.
     */
    public static List<JsonNode> resources(String relative, String wrapper) {
        JsonNode content = json(relative).get(wrapper);
        Assumptions.assumeTrue(content != null, relative + " has no '" + wrapper + "'");
        List<JsonNode> resources = new ArrayList<>();
        if (content.isArray()) {
            content.forEach(resources::add);
        } else {
            resources.add(content);
        }
        return resources;
    }
}
