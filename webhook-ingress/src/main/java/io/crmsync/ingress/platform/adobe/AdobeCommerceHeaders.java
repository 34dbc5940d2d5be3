package io.crmsync.ingress.platform.adobe;

/**
 * Adobe I/O Events' signature headers. Lookups are case-insensitive. The public-key path headers
 * ({@code x-adobe-public-key1-path}, {@code x-adobe-public-key2-path}) are deliberately not read:
 * a key chosen by the request would let its sender choose what verifies.
 */
final class AdobeCommerceHeaders {

    /** base64 RSA-SHA256 signatures of the raw body, one per key of Adobe's rotation pair. */
    static final String[] SIGNATURES = {"x-adobe-digital-signature-1", "x-adobe-digital-signature-2"};

    private AdobeCommerceHeaders() {
    }
}
