package io.crmsync.ingress.platform.adobe;

import io.crmsync.commons.tenant.Platform;
import io.crmsync.commons.tenant.Store;
import io.crmsync.ingress.AdobeSignatures;
import io.crmsync.ingress.Fixtures;
import io.crmsync.ingress.platform.MalformedDeliveryException;
import io.crmsync.ingress.platform.ParsedDelivery;
import io.crmsync.ingress.platform.Verdict;
import io.crmsync.ingress.platform.WebhookHeaders;
import io.crmsync.ingress.platform.WebhookRequest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdobeCommerceTest {

    private static final String PRODUCT_SAVE = "magento/adobe_io_event_catalog_product_save_commit_after.json";
    private static final KeyPair ADOBE_KEY_1 = AdobeSignatures.newKeyPair();
    private static final KeyPair ADOBE_KEY_2 = AdobeSignatures.newKeyPair();
    private static final KeyPair STRANGER = AdobeSignatures.newKeyPair();

    private final AdobeCommerceSignatureVerifier verifier = new AdobeCommerceSignatureVerifier();
    private final AdobeCommerceDeliveryParser parser = new AdobeCommerceDeliveryParser();

    @Test
    void theRealProductEventIsAProductIdentifiedByItsSku() {
        ParsedDelivery parsed = parser.parse(request(Map.of(), Fixtures.bytes(PRODUCT_SAVE)));

        assertThat(parsed.topic()).isEqualTo("com.adobe.commerce.observer.catalog_product_save_commit_after");
        assertThat(parsed.objectType()).isEqualTo("product");
        assertThat(parsed.objectId()).isEqualTo("eventtest1");
        assertThat(parsed.delivery().id()).isEqualTo("23f76cef-9f14-44b1-bbd0-29995789c98e");
        assertThat(parsed.delivery().stable()).isTrue();
        assertThat(parsed.delivery().triggeredAt()).isEqualTo(Instant.parse("2025-07-17T15:48:42.436Z"));
    }

    @Test
    void ordersInvoicesShipmentsCreditMemosAndCustomersMapToTheirObjects() {
        assertThat(parse("observer.sales_order_save_after", "{\"entity_id\":\"8\",\"increment_id\":\"000000008\"}"))
                .extracting(ParsedDelivery::objectType, ParsedDelivery::objectId).containsExactly("order", "8");
        assertThat(parse("observer.sales_order_invoice_save_after", "{\"entity_id\":\"3\",\"order_id\":\"8\"}"))
                .extracting(ParsedDelivery::objectType, ParsedDelivery::objectId).containsExactly("order", "8");
        assertThat(parse("observer.sales_order_shipment_save_after", "{\"entity_id\":\"5\",\"order_id\":\"8\"}"))
                .extracting(ParsedDelivery::objectType, ParsedDelivery::objectId).containsExactly("fulfillment", "5");
        assertThat(parse("observer.sales_order_creditmemo_save_after", "{\"entity_id\":\"6\",\"order_id\":\"8\"}"))
                .extracting(ParsedDelivery::objectType, ParsedDelivery::objectId).containsExactly("refund", "6");
        assertThat(parse("observer.customer_save_commit_after", "{\"entity_id\":42,\"email\":\"x@example.com\"}"))
                .extracting(ParsedDelivery::objectType, ParsedDelivery::objectId).containsExactly("customer", "42");
    }

    @Test
    void unknownEventsAndMissingIdsAreRefused() {
        assertThatThrownBy(() -> parse("observer.checkout_cart_save_after", "{\"entity_id\":1}"))
                .isInstanceOfSatisfying(MalformedDeliveryException.class,
                        e -> assertThat(e.reason()).isEqualTo(MalformedDeliveryException.Reason.UNKNOWN_TOPIC));
        assertThatThrownBy(() -> parse("observer.customer_save_commit_after", "{\"email\":\"x@example.com\"}"))
                .isInstanceOfSatisfying(MalformedDeliveryException.class,
                        e -> assertThat(e.reason()).isEqualTo(MalformedDeliveryException.Reason.MISSING_ID));
        assertThatThrownBy(() -> parser.parse(request(Map.of(), "[{\"type\":\"x\"}]".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(MalformedDeliveryException.class,
                        e -> assertThat(e.reason()).isEqualTo(MalformedDeliveryException.Reason.MALFORMED_BODY));
    }

    @Test
    void eitherSignatureVerifiesWithEitherConfiguredKey() {
        byte[] body = Fixtures.bytes(PRODUCT_SAVE);
        Store store = store(AdobeSignatures.pem(ADOBE_KEY_1.getPublic()),
                Base64.getEncoder().encodeToString(ADOBE_KEY_2.getPublic().getEncoded()));

        assertThat(verify(store, body, AdobeSignatures.sign(ADOBE_KEY_1.getPrivate(), body),
                AdobeSignatures.sign(STRANGER.getPrivate(), body))).isEqualTo(Verdict.VALID);
        assertThat(verify(store, body, AdobeSignatures.sign(STRANGER.getPrivate(), body),
                AdobeSignatures.sign(ADOBE_KEY_2.getPrivate(), body))).isEqualTo(Verdict.VALID);
        assertThat(verify(store, body, AdobeSignatures.sign(STRANGER.getPrivate(), body), null)).isEqualTo(Verdict.INVALID);
        assertThat(verify(store, body, "not base64 !", "AAAA")).isEqualTo(Verdict.INVALID);
        assertThat(verify(store, body, null, null)).isEqualTo(Verdict.MISSING);
    }

    @Test
    void theBodyIsSignedByteForByte() {
        byte[] body = Fixtures.bytes(PRODUCT_SAVE);
        Store store = store(AdobeSignatures.pem(ADOBE_KEY_1.getPublic()), null);
        String signature = AdobeSignatures.sign(ADOBE_KEY_1.getPrivate(), body);
        byte[] altered = new String(body, StandardCharsets.UTF_8).replace("eventtest1", "eventtest2").getBytes(StandardCharsets.UTF_8);

        assertThat(verify(store, altered, signature, null)).isEqualTo(Verdict.INVALID);
    }

    @Test
    void anUnreadableConfiguredKeyNeverVerifies() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        Store store = store("-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----", "");

        assertThat(verify(store, body, AdobeSignatures.sign(ADOBE_KEY_1.getPrivate(), body), null)).isEqualTo(Verdict.INVALID);
    }

    private ParsedDelivery parse(String event, String value) {
        String body = "{\"specversion\":\"1.0\",\"id\":\"0b6f0c8e-1a1c-4a51-9d1e-9a4c1f3f0c11\",\"type\":\"com.adobe.commerce."
                + event + "\",\"time\":\"2026-01-02T03:04:05Z\",\"data\":{\"key\":\"k\",\"value\":" + value + "}}";
        return parser.parse(request(Map.of(), body.getBytes(StandardCharsets.UTF_8)));
    }

    private Verdict verify(Store store, byte[] body, String signature1, String signature2) {
        Map<String, String> headers = new java.util.HashMap<>();
        if (signature1 != null) {
            headers.put("x-adobe-digital-signature-1", signature1);
        }
        if (signature2 != null) {
            headers.put("X-Adobe-Digital-Signature-2", signature2);
        }
        headers.put("x-adobe-public-key1-path", "/prod/keys/pub-key-attacker.pem");
        return verifier.verify(store, request(headers, body));
    }

    private static Store store(String key, String previousKey) {
        return new Store("acme-adobe", Platform.ADOBE_COMMERCE, null, null, null, Map.of(),
                Stream.of(key, previousKey).filter(Objects::nonNull).toList());
    }

    private static WebhookRequest request(Map<String, String> headers, byte[] body) {
        return new WebhookRequest("adobe-commerce", "acme-adobe", WebhookHeaders.ofSingle(headers), body);
    }
}
