package io.crmsync.ingress.rest;

import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Edits the running application's tenant registry file the way operators do, and puts it back.
 * The service re-reads it within {@code crmsync.tenants.reload-interval} (1 s in tests).
 */
final class LiveRegistry implements AutoCloseable {

    private final Path file;
    private final String original;

    private LiveRegistry(Path file, String original) {
        this.file = file;
        this.original = original;
    }

    /** Applies {@code edit} to the registry text; closing restores the original. */
    static LiveRegistry edit(java.util.function.UnaryOperator<String> edit) {
        Path file = ConfigProvider.getConfig().getValue("crmsync.tenants.file", Path.class);
        try {
            String original = Files.readString(file);
            String edited = edit.apply(original);
            if (edited.equals(original)) {
                throw new IllegalStateException("the registry edit changed nothing");
            }
            Files.writeString(file, edited);
            return new LiveRegistry(file, original);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds {@code storeYaml} (indented as a store entry) to the stores of tenant acme. */
    static String addAcmeStore(String registry, String storeYaml) {
        return registry.replace("  - id: globex\n", storeYaml + "  - id: globex\n");
    }

    @Override
    public void close() {
        try {
            Files.writeString(file, original);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
