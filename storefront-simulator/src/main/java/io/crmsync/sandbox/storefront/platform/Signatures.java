package io.crmsync.sandbox.storefront.platform;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

/** The signing primitives the platforms use for webhooks. */
public final class Signatures {

    private static final String STANDARD_WEBHOOKS_PREFIX = "whsec_";

    private Signatures() {
    }

    /** {@code base64(HMAC-SHA256(key, data))}: Shopify and WooCommerce over the body, Standard Webhooks over its content. */
    public static String hmacSha256Base64(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            // SecretKeySpec refuses an empty key, which HMAC allows (WooCommerce's own test vector uses one).
            // HMAC pads keys with zeros to the block size, so one zero byte is the same key.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public static String hmacSha256Base64(String secret, byte[] data) {
        return hmacSha256Base64(secret.getBytes(StandardCharsets.UTF_8), data);
    }

    /**
     * The HMAC key of a Standard Webhooks secret: a {@code whsec_}-prefixed secret is base64 after
     * the prefix; any other secret is used as its UTF-8 bytes (BigCommerce's client secret).
     */
    public static byte[] standardWebhooksKey(String secret) {
        if (secret.startsWith(STANDARD_WEBHOOKS_PREFIX)) {
            return Base64.getDecoder().decode(secret.substring(STANDARD_WEBHOOKS_PREFIX.length()));
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Standard Webhooks {@code webhook-signature}: {@code v1,base64(HMAC(key, id.timestamp.body))}. */
    public static String standardWebhooksSignature(String secret, String id, long timestamp, byte[] body) {
        byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, content, 0, prefix.length);
        System.arraycopy(body, 0, content, prefix.length, body.length);
        return "v1," + hmacSha256Base64(standardWebhooksKey(secret), content);
    }

    public static String sha1Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 unavailable", e);
        }
    }
}
