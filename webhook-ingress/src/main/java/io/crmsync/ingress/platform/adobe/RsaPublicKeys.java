package io.crmsync.ingress.platform.adobe;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

/** Reads an RSA public key written as PEM ({@code -----BEGIN PUBLIC KEY-----}, SPKI) or as bare base64 SPKI. */
final class RsaPublicKeys {

    private RsaPublicKeys() {
    }

    /** Empty when the text is not an RSA SPKI key: such a configured key never verifies anything. */
    static Optional<PublicKey> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String base64 = text.replace("-----BEGIN PUBLIC KEY-----", "")
                .replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            return Optional.of(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }
}
