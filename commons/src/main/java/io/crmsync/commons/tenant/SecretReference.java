package io.crmsync.commons.tenant;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Resolves a secret as the registry writes it: {@code env:NAME}, {@code file:/path}, or (local demo
 * file only) the plain value. Errors name the reference, never the secret.
 */
final class SecretReference {

    private final UnaryOperator<String> environment;

    SecretReference(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    String resolve(String reference) {
        if (reference == null) {
            return null;
        }
        if (reference.startsWith("env:")) {
            String name = reference.substring(4);
            String value = environment.apply(name);
            if (value == null || value.isEmpty()) {
                throw new InvalidRegistryException("environment variable " + name + " is not set");
            }
            return value;
        }
        if (reference.startsWith("file:")) {
            Path path = Path.of(reference.substring(5));
            try {
                return Files.readString(path, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new InvalidRegistryException("secret file " + path + " cannot be read: " + e.getClass().getSimpleName());
            }
        }
        return reference;
    }
}
