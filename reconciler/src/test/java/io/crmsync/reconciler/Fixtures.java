package io.crmsync.reconciler;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.contract.EventCodec;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The real platform payloads in {@code shared/fixtures} beside the repository (never copied into
 * it): found by walking up from the working directory. Tests using them skip visibly when absent.
 */
public final class Fixtures {

    private Fixtures() {
    }

    public static JsonNode json(String relative) {
        Optional<Path> dir = directory();
        Assumptions.assumeTrue(dir.isPresent(), "shared fixtures absent");
        Path file = dir.get().resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(file), "shared fixture " + relative + " absent");
        try {
            return EventCodec.parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<Path> directory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("fixtures");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
