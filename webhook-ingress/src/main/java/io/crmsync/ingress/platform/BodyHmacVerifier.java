package io.crmsync.ingress.platform;

import io.crmsync.commons.tenant.Store;

import java.util.Optional;

/**
 * The scheme Shopify and WooCommerce share: one header holding base64(HMAC-SHA256(secret, raw
 * body)), the secret's UTF-8 bytes as key; the previous secret is accepted during a rotation.
 */
public final class BodyHmacVerifier {

    private BodyHmacVerifier() {
    }

    public static Verdict verify(Store store, Optional<String> header, byte[] body) {
        if (header.isEmpty()) {
            return Verdict.MISSING;
        }
        Optional<byte[]> presented = HmacSha256.decodeBase64(header.get());
        if (presented.isEmpty()) {
            return Verdict.INVALID;
        }
        boolean matches = SigningSecrets.of(store)
                .anyMatch(secret -> HmacSha256.matches(HmacSha256.sign(HmacSha256.utf8(secret), body), presented.get()));
        return matches ? Verdict.VALID : Verdict.INVALID;
    }
}
