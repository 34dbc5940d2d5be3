package io.crmsync.sandbox.storefront;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

import static io.restassured.RestAssured.given;

/** Names from the test registry ({@code simulator-tenants.yaml}) and calls every simulator test makes. */
final class SimTestSupport {

    static final String SHOPIFY = "acme-shopify";
    static final String SHOPIFY_SECRET = "test-acme-shopify-secret";
    static final String SHOPIFY_TOKEN = "test-acme-shopify-token";
    static final String OTHER_SHOPIFY = "initech-shopify";
    static final String WOO = "acme-woo";
    static final String WOO_SECRET = "test-acme-woo-secret";
    static final String BC = "globex-bc";
    static final String BC_SECRET = "test-globex-bc-client-secret";
    static final String BC_TOKEN = "test-globex-bc-token";
    static final String BC_WHSEC = "initech-bc";
    static final String BC_WHSEC_SECRET = "whsec_dW1icmVsbGEtdGVzdC1zaWduaW5nLWtleS0wMDAx";
    static final String ADOBE = "acme-adobe";
    static final String ADOBE_TOKEN = "test-acme-adobe-integration-token";
    static final String[] ALL_STORES = {SHOPIFY, OTHER_SHOPIFY, WOO, BC, BC_WHSEC, ADOBE};

    private SimTestSupport() {
    }

    /** Empty stores, no faults, no deliveries, a receiver that answers 202. */
    static void reset() {
        for (String store : ALL_STORES) {
            fault("{\"storeId\":\"" + store + "\",\"mode\":\"none\"}");
            given().delete("/_sim/stores/{store}", store).then().statusCode(200);
        }
        given().delete("/_sim/deliveries").then().statusCode(204);
        WebhookReceiver.get().reset();
    }

    static void fault(String json) {
        given().contentType(ContentType.JSON).body(json).post("/_sim/faults").then().statusCode(204);
    }

    static Response seed(String store, String type, long id, String json) {
        return seed(store, type, id, json, true);
    }

    static Response seed(String store, String type, long id, String json, boolean notify) {
        return given().contentType(ContentType.JSON).body(json).queryParam("notify", notify)
                .put("/_sim/stores/{store}/{type}/{id}", store, type, id);
    }

    static String hmacBase64(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data));
    }

    /** {@code shared/fixtures} beside the repository root, found by walking up from the working directory. */
    static Optional<Path> fixtures() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("fixtures");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
