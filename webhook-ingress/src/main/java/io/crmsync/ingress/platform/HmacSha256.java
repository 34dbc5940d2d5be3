package io.crmsync.ingress.platform;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/** HMAC-SHA256 and the constant-time comparison every platform's check relies on. */
public final class HmacSha256 {

    private static final String ALGORITHM = "HmacSHA256";

    private HmacSha256() {
    }

    public static byte[] sign(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            // HMAC zero-pads keys to the block size, so an empty key equals a one-zero-byte key;
            // SecretKeySpec refuses empty keys, hence the substitution (needed for published vectors).
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, ALGORITHM));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    public static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** Decodes standard base64, or empty when the text is not base64 (a forged or mangled header). */
    public static Optional<byte[]> decodeBase64(String value) {
        try {
            return Optional.of(Base64.getDecoder().decode(value.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Compares in time independent of where the inputs differ. */
    public static boolean matches(byte[] expected, byte[] presented) {
        return MessageDigest.isEqual(expected, presented);
    }
}
