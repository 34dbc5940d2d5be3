package io.crmsync.sandbox.storefront;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static io.crmsync.sandbox.storefront.SimTestSupport.WOO;
import static io.crmsync.sandbox.storefront.SimTestSupport.WOO_SECRET;
import static io.crmsync.sandbox.storefront.SimTestSupport.fault;
import static io.crmsync.sandbox.storefront.SimTestSupport.hmacBase64;
import static io.crmsync.sandbox.storefront.SimTestSupport.seed;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(ReceiverTestResource.class)
class WooCommerceTest {

    private static final String ORDERS = "/" + WOO + "/wp-json/wc/v3/orders";

    @BeforeEach
    void reset() {
        SimTestSupport.reset();
    }

    private static RequestSpecification api() {
        return given().auth().preemptive().basic("ck_test_acme", "cs_test_acme");
    }

    @Test
    void webhookCarriesWooHeadersAndSignature() throws Exception {
        seed(WOO, "orders", 727, "{\"status\":\"processing\"}").then().statusCode(201);
        seed(WOO, "customers", 25, "{\"email\":\"john.doe@example.com\"}").then().statusCode(201);
        seed(WOO, "orders", 727, "{\"status\":\"completed\"}").then().statusCode(200);

        List<WebhookReceiver.Request> webhooks = WebhookReceiver.get().requests();
        assertThat(webhooks).extracting(r -> r.header("X-WC-Webhook-Topic"))
                .containsExactly("order.created", "customer.created", "order.updated");
        WebhookReceiver.Request first = webhooks.get(0);
        assertThat(first.path()).isEqualTo("/webhooks/woocommerce/" + WOO);
        assertThat(first.header("X-WC-Webhook-Source")).isEqualTo("http://" + WOO + ".example/");
        assertThat(first.header("X-WC-Webhook-Resource")).isEqualTo("order");
        assertThat(first.header("X-WC-Webhook-Event")).isEqualTo("created");
        assertThat(first.header("X-WC-Webhook-ID")).matches("\\d+");
        assertThat(first.header("X-WC-Webhook-Delivery-ID")).isNotBlank();
        assertThat(first.header("X-WC-Webhook-Signature"))
                .isEqualTo(hmacBase64(WOO_SECRET.getBytes(StandardCharsets.UTF_8), first.body()));
        assertThat(first.bodyText()).contains("\"date_modified_gmt\"");
    }

    @Test
    void wooCommerceNeverRetries() throws Exception {
        WebhookReceiver.get().answerNext(500);
        seed(WOO, "orders", 728, "{}").then().statusCode(201).body("delivery.result", equalTo("failed"));

        // a retry, if any, would come after the first configured delay (200 ms in tests)
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(WebhookReceiver.get().requests()).hasSize(1));
    }

    @Test
    void listPaginatesWithTotalHeadersAndModifiedAfter() {
        for (long id = 801; id <= 805; id++) {
            seed(WOO, "orders", id, "{\"status\":\"processing\",\"date_created_gmt\":\"2025-03-0" + (id - 800) + "T10:00:00\"}", false);
        }

        Response page1 = api().queryParam("per_page", 2).queryParam("orderby", "id").queryParam("order", "asc").get(ORDERS);
        page1.then().statusCode(200).header("X-WP-Total", "5").header("X-WP-TotalPages", "3")
                .header("Link", containsString("rel=\"next\""));
        assertThat(page1.jsonPath().getList("id", Long.class)).containsExactly(801L, 802L);
        Response page3 = api().queryParam("per_page", 2).queryParam("page", 3).queryParam("orderby", "id")
                .queryParam("order", "asc").get(ORDERS);
        assertThat(page3.jsonPath().getList("id", Long.class)).containsExactly(805L);
        assertThat(page3.header("Link")).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");

        // default order: newest created first
        assertThat(api().get(ORDERS).jsonPath().getList("id", Long.class)).containsExactly(805L, 804L, 803L, 802L, 801L);
        // everything was modified just now, after this point in time
        api().queryParam("modified_after", "2025-03-01T00:00:00").get(ORDERS).then().header("X-WP-Total", "5");
        api().queryParam("modified_after", "2999-01-01T00:00:00").get(ORDERS).then().header("X-WP-Total", "0");
        api().queryParam("per_page", 101).get(ORDERS).then().statusCode(400).body("code", equalTo("rest_invalid_param"));
    }

    @Test
    void authAndErrorsAsWooCommerceAnswers() {
        given().get(ORDERS).then().statusCode(401)
                .body("code", equalTo("woocommerce_rest_cannot_view"))
                .body("message", equalTo("Sorry, you cannot list resources."))
                .body("data.status", equalTo(401));
        given().auth().preemptive().basic("ck_wrong", "cs_test_acme").get(ORDERS).then().statusCode(401)
                .body("code", equalTo("woocommerce_rest_authentication_error"));
        given().queryParam("consumer_key", "ck_test_acme").queryParam("consumer_secret", "cs_test_acme")
                .get(ORDERS).then().statusCode(200);
        api().get(ORDERS + "/9999").then().statusCode(404).body("code", equalTo("woocommerce_rest_shop_order_invalid_id"));

        fault("{\"storeId\":\"" + WOO + "\",\"mode\":\"api-rate-limit\",\"requests\":1,\"perSeconds\":60}");
        api().get(ORDERS).then().statusCode(200);
        api().get(ORDERS).then().statusCode(429).header("RateLimit-Limit", "1").header("RateLimit-Remaining", "0");
        fault("{\"storeId\":\"" + WOO + "\",\"mode\":\"api-outage\"}");
        api().get(ORDERS).then().statusCode(503).header("Retry-After", "600");
    }

    @Test
    void generatedOrdersAreServedByTheApi() {
        List<String> ids = given().contentType(ContentType.JSON).body("{\"orders\":4,\"seed\":5,\"notify\":false}")
                .post("/_sim/stores/{s}/generate", WOO).then().statusCode(200).extract().jsonPath().getList("orders", String.class);

        api().get(ORDERS + "/" + ids.get(0)).then().statusCode(200)
                .body("id", equalTo(Integer.parseInt(ids.get(0))))
                .body("billing.email", org.hamcrest.Matchers.notNullValue())
                .body("line_items.size()", org.hamcrest.Matchers.greaterThan(0));
        api().get(ORDERS).then().header("X-WP-Total", "4");
    }
}
