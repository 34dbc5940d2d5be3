package io.crmsync.ingress.platform.shopify;

import io.crmsync.commons.tenant.Platform;
import io.crmsync.commons.tenant.Store;
import io.crmsync.ingress.Signatures;
import io.crmsync.ingress.platform.HmacSha256;
import io.crmsync.ingress.platform.Verdict;
import io.crmsync.ingress.platform.WebhookHeaders;
import io.crmsync.ingress.platform.WebhookRequest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ShopifySignatureVerifierTest {

    private static final byte[] BODY = "{\"id\":450789469,\"email\":\"bob@example.com\"}".getBytes(StandardCharsets.UTF_8);
    private static final Store STORE = new Store("s1", Platform.SHOPIFY, "current-secret", null, null, Map.of());
    private static final Store ROTATING = new Store("s1", Platform.SHOPIFY, "current-secret", "previous-secret", null, Map.of());

    private final ShopifySignatureVerifier verifier = new ShopifySignatureVerifier();

    @Test
    void acceptsTheCurrentSecretUnderAnyHeaderCasing() {
        String signature = Signatures.bodyHmac("current-secret", BODY);
        assertThat(verify(STORE, Map.of("X-Shopify-Hmac-Sha256", signature))).isEqualTo(Verdict.VALID);
        assertThat(verify(STORE, Map.of("x-shopify-hmac-sha256", signature))).isEqualTo(Verdict.VALID);
        assertThat(verify(STORE, Map.of("shopify-hmac-sha256", signature))).isEqualTo(Verdict.VALID);
        assertThat(verify(STORE, Map.of("Shopify-Hmac-SHA256", signature))).isEqualTo(Verdict.VALID);
    }

    @Test
    void acceptsThePreviousSecretOnlyWhileItIsConfigured() {
        String signature = Signatures.bodyHmac("previous-secret", BODY);
        assertThat(verify(ROTATING, Map.of("X-Shopify-Hmac-Sha256", signature))).isEqualTo(Verdict.VALID);
        assertThat(verify(STORE, Map.of("X-Shopify-Hmac-Sha256", signature))).isEqualTo(Verdict.INVALID);
    }

    @Test
    void refusesOtherSecretsChangedBodiesAndGarbage() {
        assertThat(verify(STORE, Map.of("X-Shopify-Hmac-Sha256", Signatures.bodyHmac("another-secret", BODY))))
                .isEqualTo(Verdict.INVALID);
        byte[] tampered = "{\"id\":450789469,\"email\":\"eve@example.com\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.verify(STORE, request(Map.of("X-Shopify-Hmac-Sha256", Signatures.bodyHmac("current-secret", BODY)), tampered)))
                .isEqualTo(Verdict.INVALID);
        assertThat(verify(STORE, Map.of("X-Shopify-Hmac-Sha256", "not base64 at all!"))).isEqualTo(Verdict.INVALID);
        assertThat(verify(STORE, Map.of("X-Shopify-Hmac-Sha256", ""))).isEqualTo(Verdict.MISSING);
        assertThat(verify(STORE, Map.of())).isEqualTo(Verdict.MISSING);
    }

    @Test
    void aBlankSecretVerifiesNothing() {
        Store blank = new Store("s1", Platform.SHOPIFY, " ", null, null, Map.of());
        // Even the signature an empty key produces is refused: nobody may sign for such a store.
        String emptyKeySignature = Base64.getEncoder().encodeToString(HmacSha256.sign(new byte[0], BODY));
        assertThat(verify(blank, Map.of("X-Shopify-Hmac-Sha256", emptyKeySignature))).isEqualTo(Verdict.INVALID);
        assertThat(verify(blank, Map.of("X-Shopify-Hmac-Sha256", Signatures.bodyHmac(" ", BODY)))).isEqualTo(Verdict.INVALID);
    }

    private Verdict verify(Store store, Map<String, String> headers) {
        return verifier.verify(store, request(headers, BODY));
    }

    private static WebhookRequest request(Map<String, String> headers, byte[] body) {
        return new WebhookRequest("shopify", "s1", WebhookHeaders.ofSingle(headers), body);
    }
}
