package io.crmsync.ingress;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/** Signs test deliveries the way the platforms document it, independently of the code under test. */
public final class Signatures {

    private Signatures() {
    }

    /** Shopify and WooCommerce: base64(HMAC-SHA256(secret, body)). */
    public static String bodyHmac(String secret, byte[] body) {
        return Base64.getEncoder().encodeToString(hmac(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    /** Standard Webhooks: {@code v1,} base64(HMAC-SHA256(key, id.timestamp.body)); {@code whsec_} secrets are base64 keys. */
    public static String standardWebhooks(String secret, String id, long timestamp, byte[] body) {
        byte[] key = secret.startsWith("whsec_")
                ? Base64.getDecoder().decode(secret.substring("whsec_".length()))
                : secret.getBytes(StandardCharsets.UTF_8);
        byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, content, 0, prefix.length);
        System.arraycopy(body, 0, content, prefix.length, body.length);
        return "v1," + Base64.getEncoder().encodeToString(hmac(key, content));
    }

    private static byte[] hmac(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
