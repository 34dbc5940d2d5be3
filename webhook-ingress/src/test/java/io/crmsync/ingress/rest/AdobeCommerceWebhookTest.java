package io.crmsync.ingress.rest;

import io.crmsync.contract.webhook.WebhookReceived;
import io.crmsync.ingress.AdobeSignatures;
import io.crmsync.ingress.Fixtures;
import io.crmsync.testkit.CrmSyncTestResource;
import io.crmsync.testkit.TestTenants;
import io.crmsync.testkit.TopicProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Adobe Commerce through Adobe I/O Events: the store's public key comes from the live registry
 * (a {@code file:} reference to a PEM written here), the real product event is signed with the
 * matching private key generated for this test.
 */
@QuarkusTest
@WithTestResource(CrmSyncTestResource.class)
@Order(6)
class AdobeCommerceWebhookTest {

    /** A store of this test's own: the registry's acme-adobe has a key whose private half no test holds. */
    static final String STORE = "acme-adobe-io";
    private static final String PRODUCT_SAVE = "magento/adobe_io_event_catalog_product_save_commit_after.json";
    private static final KeyPair ADOBE = AdobeSignatures.newKeyPair();
    private static final KeyPair STRANGER = AdobeSignatures.newKeyPair();

    private static LiveRegistry registry;
    private static Path keyFile;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** Once per class, but after Quarkus pointed RestAssured at the application. */
    @BeforeEach
    void addTheAdobeStore() throws IOException {
        if (registry != null) {
            return;
        }
        keyFile = Files.createTempFile("acme-adobe-io", ".pem");
        Files.writeString(keyFile, AdobeSignatures.pem(ADOBE.getPublic()));
        registry = LiveRegistry.edit(yaml -> LiveRegistry.addAcmeStore(yaml,
                "      - id: " + STORE + "\n"
                        + "        platform: adobe-commerce\n"
                        + "        webhookPublicKeys: [\"file:" + keyFile + "\"]\n"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() ->
                given().queryParam("challenge", "ready").get("/webhooks/adobe-commerce/{store}", STORE).statusCode() == 200);
    }

    @AfterAll
    static void restoreTheRegistry() throws IOException {
        if (registry != null) {
            registry.close();
            registry = null;
        }
        if (keyFile != null) {
            Files.deleteIfExists(keyFile);
        }
    }

    @Test
    void theSignedRealProductEventIsPublished() {
        byte[] body = Fixtures.bytes(PRODUCT_SAVE);
        Map<String, String> headers = adobeHeaders(AdobeSignatures.sign(ADOBE.getPrivate(), body),
                AdobeSignatures.sign(STRANGER.getPrivate(), body));
        try (TopicProbe probe = TopicProbe.open(bootstrapServers, Deliveries.TOPIC)) {
            Deliveries.post("adobe-commerce", STORE, headers, body)
                    .statusCode(202)
                    .body("deliveryId", equalTo("23f76cef-9f14-44b1-bbd0-29995789c98e"));

            List<TopicProbe.Received> records = probe.await(1, Duration.ofSeconds(20));
            assertThat(records).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo("acme/acme-adobe-io/product/eventtest1");
                assertThat(record.headers()).containsEntry("ce_source", "/stores/acme-adobe-io")
                        .containsEntry("ce_subject", "product/eventtest1");
                WebhookReceived event = Deliveries.decode(record);
                assertThat(event.platform()).isEqualTo("adobe-commerce");
                assertThat(event.topic()).isEqualTo("com.adobe.commerce.observer.catalog_product_save_commit_after");
                assertThat(event.delivery().stable()).isTrue();
                assertThat(event.payload().path("data").path("value").path("sku").asText()).isEqualTo("eventtest1");
            });
        }
    }

    @Test
    void headerNamesAreCaseInsensitiveAndTheSecondSignatureSuffices() {
        byte[] body = Fixtures.bytes(PRODUCT_SAVE);
        Map<String, String> headers = Map.of("X-ADOBE-DIGITAL-SIGNATURE-2", AdobeSignatures.sign(ADOBE.getPrivate(), body));

        Deliveries.post("adobe-commerce", STORE, headers, body).statusCode(202);
    }

    @Test
    void aSignatureOfAnotherKeyOrNoneIsRefusedAndNothingPublished() {
        byte[] body = Fixtures.bytes(PRODUCT_SAVE);
        try (TopicProbe probe = TopicProbe.open(bootstrapServers, Deliveries.TOPIC)) {
            Deliveries.post("adobe-commerce", STORE, adobeHeaders(AdobeSignatures.sign(STRANGER.getPrivate(), body),
                    AdobeSignatures.sign(STRANGER.getPrivate(), body)), body)
                    .statusCode(401).body("error", equalTo("bad_signature"));
            Deliveries.post("adobe-commerce", STORE, Map.of(), body)
                    .statusCode(401).body("error", equalTo("missing_signature"));

            assertThat(probe.poll(Duration.ofSeconds(2))).isEmpty();
        }
    }

    @Test
    void answersTheRegistrationChallengeOnlyForAdobeStores() {
        given().queryParam("challenge", "8ec8d794-e0ab-42df-9017-e3dada8e84f7")
                .get("/webhooks/adobe-commerce/{store}", STORE)
                .then().statusCode(200).body("challenge", equalTo("8ec8d794-e0ab-42df-9017-e3dada8e84f7"));
        given().queryParam("challenge", "x").get("/webhooks/shopify/{store}", TestTenants.ACME_SHOPIFY)
                .then().statusCode(404);
        given().queryParam("challenge", "x").get("/webhooks/adobe-commerce/{store}", "nobody")
                .then().statusCode(404);
        given().queryParam("challenge", "x".repeat(1000)).get("/webhooks/adobe-commerce/{store}", STORE)
                .then().statusCode(404);
    }

    private static Map<String, String> adobeHeaders(String signature1, String signature2) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-adobe-digital-signature-1", signature1);
        headers.put("x-adobe-digital-signature-2", signature2);
        // Ignored on purpose: keys never come from a path the request names.
        headers.put("x-adobe-public-key1-path", "/prod/keys/pub-key-attacker.pem");
        headers.put("x-adobe-public-key2-path", "/prod/keys/pub-key-attacker2.pem");
        return headers;
    }
}
