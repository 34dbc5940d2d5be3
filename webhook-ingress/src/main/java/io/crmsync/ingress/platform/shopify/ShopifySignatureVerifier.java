package io.crmsync.ingress.platform.shopify;

import io.crmsync.commons.tenant.Platform;
import io.crmsync.commons.tenant.Store;
import io.crmsync.ingress.platform.BodyHmacVerifier;
import io.crmsync.ingress.platform.SignatureVerifier;
import io.crmsync.ingress.platform.Verdict;
import io.crmsync.ingress.platform.WebhookRequest;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code X-Shopify-Hmac-Sha256}: base64 HMAC-SHA256 of the raw body with the store's webhook secret. */
@ApplicationScoped
public class ShopifySignatureVerifier implements SignatureVerifier {

    @Override
    public Platform platform() {
        return Platform.SHOPIFY;
    }

    @Override
    public Verdict verify(Store store, WebhookRequest request) {
        return BodyHmacVerifier.verify(store, request.headers().first(ShopifyHeaders.HMAC), request.body());
    }
}
