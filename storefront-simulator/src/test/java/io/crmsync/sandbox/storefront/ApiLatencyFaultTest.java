package io.crmsync.sandbox.storefront;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import static io.crmsync.sandbox.storefront.SimTestSupport.ADOBE;
import static io.crmsync.sandbox.storefront.SimTestSupport.ADOBE_TOKEN;
import static io.crmsync.sandbox.storefront.SimTestSupport.BC;
import static io.crmsync.sandbox.storefront.SimTestSupport.BC_TOKEN;
import static io.crmsync.sandbox.storefront.SimTestSupport.SHOPIFY;
import static io.crmsync.sandbox.storefront.SimTestSupport.SHOPIFY_TOKEN;
import static io.crmsync.sandbox.storefront.SimTestSupport.WOO;
import static io.crmsync.sandbox.storefront.SimTestSupport.fault;
import static io.crmsync.sandbox.storefront.SimTestSupport.seed;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;

/**
 * The {@code api-latency} fault: every admin API call of the store, on each of the four platforms,
 * answers normally but only after the delay; a client that gives up sooner gets no answer.
 */
@QuarkusTest
@WithTestResource(ReceiverTestResource.class)
class ApiLatencyFaultTest {

    private static final long DELAY_MILLIS = 700;

    @TestHTTPResource("/")
    URI root;

    @BeforeEach
    void reset() {
        SimTestSupport.reset();
    }

    @AfterEach
    void noFaults() {
        SimTestSupport.reset();
    }

    @Test
    void everyPlatformsAdminApiAnswersNormallyAfterTheDelay() {
        Map<String, Supplier<RequestSpecification>> listCalls = Map.of(
                "/" + SHOPIFY + "/admin/api/2024-04/orders.json", () -> given().header("X-Shopify-Access-Token", SHOPIFY_TOKEN),
                "/" + WOO + "/wp-json/wc/v3/orders", () -> given().auth().preemptive().basic("ck_test_acme", "cs_test_acme"),
                "/" + BC + "/v3/customers", () -> given().header("X-Auth-Token", BC_TOKEN),
                "/" + ADOBE + "/rest/V1/orders", () -> given().header("Authorization", "Bearer " + ADOBE_TOKEN));
        for (String store : new String[]{SHOPIFY, WOO, BC, ADOBE}) {
            latency(store, DELAY_MILLIS);
        }

        listCalls.forEach((path, call) -> {
            long started = System.nanoTime();
            call.get().get(path).then().statusCode(200);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as(path)
                    .isGreaterThanOrEqualTo(Duration.ofMillis(DELAY_MILLIS));
        });
    }

    @Test
    void aClientThatGivesUpSoonerGetsNoAnswerAndEvenA401WaitsForTheDelay() throws Exception {
        seed(SHOPIFY, "orders", 4101, "{\"email\":\"zoe@example.com\",\"total_price\":\"19.99\"}", false).then().statusCode(201);
        latency(SHOPIFY, 3_000);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest impatient = HttpRequest.newBuilder(root.resolve("/" + SHOPIFY + "/admin/api/2024-04/orders/4101.json"))
                .header("X-Shopify-Access-Token", SHOPIFY_TOKEN).timeout(Duration.ofMillis(500)).GET().build();

        assertThatThrownBy(() -> http.send(impatient, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);

        // Wrong credentials wait too: the store is slow before it looks at the request.
        long started = System.nanoTime();
        given().header("X-Shopify-Access-Token", "wrong").get("/{s}/admin/api/2024-04/orders.json", SHOPIFY)
                .then().statusCode(401);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(3_000));
    }

    @Test
    void aLatencyFaultNeedsMillis() {
        given().contentType("application/json").body("{\"storeId\":\"" + WOO + "\",\"mode\":\"api-latency\"}")
                .post("/_sim/faults").then().statusCode(400).body(containsString("millis"));
        given().contentType("application/json").body("{\"storeId\":\"" + WOO + "\",\"mode\":\"api-latency\",\"millis\":0}")
                .post("/_sim/faults").then().statusCode(400);
    }

    private static void latency(String store, long millis) {
        fault("{\"storeId\":\"" + store + "\",\"mode\":\"api-latency\",\"millis\":" + millis + "}");
    }
}
