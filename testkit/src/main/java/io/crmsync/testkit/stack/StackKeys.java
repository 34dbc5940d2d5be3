package io.crmsync.testkit.stack;

import io.crmsync.testkit.JwtTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Set;

/**
 * The local stack's own token signing key: made once, kept under the run folder, its public
 * half given to the services as {@code quarkus.oidc.public-key}. Production uses a real issuer.
 */
final class StackKeys {

    private final Path privateKeyFile;
    private final Path publicKeyFile;

    StackKeys(Path runDir) {
        this.privateKeyFile = runDir.resolve("oidc/private-key.pk8");
        this.publicKeyFile = runDir.resolve("oidc/public-key.b64");
    }

    String publicKeyBase64() {
        ensure();
        try {
            return Files.readString(publicKeyFile).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String token(String role) {
        ensure();
        try {
            byte[] der = Files.readAllBytes(privateKeyFile);
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            return JwtTokens.sign(key, "local-" + role, Set.of(role), 3600);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the local stack's signing key is unreadable: " + privateKeyFile, e);
        }
    }

    private synchronized void ensure() {
        if (Files.exists(privateKeyFile) && Files.exists(publicKeyFile)) {
            return;
        }
        KeyPair pair = JwtTokens.generate();
        try {
            Files.createDirectories(privateKeyFile.getParent());
            Files.write(privateKeyFile, pair.getPrivate().getEncoded());
            Files.writeString(publicKeyFile, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
