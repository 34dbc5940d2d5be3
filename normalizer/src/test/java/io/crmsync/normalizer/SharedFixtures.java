package io.crmsync.normalizer;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.contract.EventCodec;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real platform payloads in {@code shared/fixtures} beside the repository (never copied into
 * it). Tests that need them are skipped, visibly, when the folder is absent.
 */
public final class SharedFixtures {

    private SharedFixtures() {
    }

    /** The unwrapped Shopify resources of a REST fixture ({@code {"order": {...}}} or {@code {"orders": [...]}}). */
    public static List<JsonNode> shopify(String file, String wrapper) {
        JsonNode root = read(dir().resolve("shopify").resolve(file));
        JsonNode content = root.get(wrapper);
        Assumptions.assumeTrue(content != null, file + " has no '" + wrapper + "'");
        List<JsonNode> resources = new ArrayList<>();
        if (content.isArray()) {
            content.forEach(resources::add);
        } else {
            resources.add(content);
        }
        return resources;
    }

    private static Path dir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("fixtures");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        Assumptions.abort("shared fixtures absent: no shared/fixtures above " + Path.of("").toAbsolutePath());
        throw new IllegalStateException("unreachable");
    }

    private static JsonNode read(Path file) {
        Assumptions.assumeTrue(Files.isRegularFile(file), "shared fixture absent: " + file);
        try {
            return EventCodec.parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
