package io.crmsync.ingress.platform.adobe;

import io.crmsync.commons.tenant.Platform;
import io.crmsync.commons.tenant.Store;
import io.crmsync.ingress.platform.HmacSha256;
import io.crmsync.ingress.platform.SignatureVerifier;
import io.crmsync.ingress.platform.Verdict;
import io.crmsync.ingress.platform.WebhookRequest;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Adobe I/O Events: {@code x-adobe-digital-signature-1} and {@code -2} are base64 RSA-SHA256
 * signatures of the raw body, one per key of Adobe's rotation pair. A delivery is valid when either
 * signature verifies with one of the store's {@code webhookPublicKeys} from the registry (PEM or
 * base64 SPKI). The keys are never fetched from the path the request names: that would let the
 * sender choose the key.
 */
@ApplicationScoped
public class AdobeCommerceSignatureVerifier implements SignatureVerifier {

    private static final Logger LOG = Logger.getLogger(AdobeCommerceSignatureVerifier.class);

    @Override
    public Platform platform() {
        return Platform.ADOBE_COMMERCE;
    }

    @Override
    public Verdict verify(Store store, WebhookRequest request) {
        List<String> headers = Arrays.stream(AdobeCommerceHeaders.SIGNATURES)
                .map(name -> request.headers().first(name))
                .flatMap(Optional::stream)
                .toList();
        if (headers.isEmpty()) {
            return Verdict.MISSING;
        }
        List<byte[]> signatures = headers.stream().map(HmacSha256::decodeBase64).flatMap(Optional::stream).toList();
        List<PublicKey> keys = store.webhookPublicKeys().stream().map(RsaPublicKeys::parse).flatMap(Optional::stream).toList();
        if (keys.isEmpty()) {
            LOG.warnf("store %s has no readable RSA public key; its deliveries cannot verify", store.id());
            return Verdict.INVALID;
        }
        // Which configured key pairs with which header is Adobe's business; at most 2 × 2 checks.
        boolean valid = signatures.stream().anyMatch(sig -> keys.stream().anyMatch(key -> verifies(key, sig, request.body())));
        return valid ? Verdict.VALID : Verdict.INVALID;
    }

    private static boolean verifies(PublicKey key, byte[] signature, byte[] body) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update(body);
            return rsa.verify(signature);
        } catch (GeneralSecurityException e) {
            // A signature of the wrong length or shape is simply not valid.
            return false;
        }
    }
}
