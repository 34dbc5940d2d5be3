package io.crmsync.ingress.platform;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Delivery identity for platforms that send no stable id: identical bodies (a redelivery of the
 * same state) get the same id, but the platform does not promise it, so it is marked unstable.
 */
public final class BodyHash {

    private BodyHash() {
    }

    public static String of(byte[] body) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
