package io.crmsync.testkit;

import io.smallrye.jwt.build.Jwt;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Set;

/**
 * Bearer tokens for the OIDC-protected admin APIs without an identity server: services are given
 * {@link #publicKeyBase64()} as {@code quarkus.oidc.public-key} and accept tokens signed here.
 */
public final class JwtTokens {

    public static final String OPERATOR = "crmsync-operator";
    public static final String VIEWER = "crmsync-viewer";
    public static final String ISSUER = "https://crmsync.local/issuer";

    private static final KeyPair KEYS = generate();

    private JwtTokens() {
    }

    public static String publicKeyBase64() {
        return encode(KEYS.getPublic());
    }

    public static String operator() {
        return withRoles(OPERATOR);
    }

    public static String viewer() {
        return withRoles(VIEWER);
    }

    public static String withRoles(String... roles) {
        return sign(KEYS.getPrivate(), "test-user", Set.of(roles), 300);
    }

    /** Also used by the local stack with its own persisted key. */
    public static String sign(PrivateKey key, String user, Set<String> roles, long lifetimeSeconds) {
        return Jwt.issuer(ISSUER).upn(user).groups(roles).expiresIn(lifetimeSeconds).sign(key);
    }

    public static String encode(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
