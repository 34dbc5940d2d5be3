package io.crmsync.ingress.platform.woocommerce;

import io.crmsync.commons.tenant.Platform;
import io.crmsync.commons.tenant.Store;
import io.crmsync.ingress.platform.BodyHmacVerifier;
import io.crmsync.ingress.platform.SignatureVerifier;
import io.crmsync.ingress.platform.Verdict;
import io.crmsync.ingress.platform.WebhookRequest;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code X-WC-Webhook-Signature}: base64 HMAC-SHA256 of the raw body with the webhook's secret. */
@ApplicationScoped
public class WooCommerceSignatureVerifier implements SignatureVerifier {

    @Override
    public Platform platform() {
        return Platform.WOOCOMMERCE;
    }

    @Override
    public Verdict verify(Store store, WebhookRequest request) {
        return BodyHmacVerifier.verify(store, request.headers().first(WooCommerceHeaders.SIGNATURE), request.body());
    }
}
