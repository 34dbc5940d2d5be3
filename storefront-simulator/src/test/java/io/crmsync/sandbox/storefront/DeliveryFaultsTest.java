package io.crmsync.sandbox.storefront;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.crmsync.sandbox.storefront.SimTestSupport.SHOPIFY;
import static io.crmsync.sandbox.storefront.SimTestSupport.SHOPIFY_SECRET;
import static io.crmsync.sandbox.storefront.SimTestSupport.fault;
import static io.crmsync.sandbox.storefront.SimTestSupport.hmacBase64;
import static io.crmsync.sandbox.storefront.SimTestSupport.seed;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The delivery faults a fault suite needs: every webhook twice, and webhooks out of order. */
@QuarkusTest
@WithTestResource(ReceiverTestResource.class)
class DeliveryFaultsTest {

    private final WebhookReceiver receiver = WebhookReceiver.get();

    @BeforeEach
    void reset() {
        SimTestSupport.reset();
    }

    @Test
    void duplicateWebhooksSendsEachEventTwiceWithOneEventIdAndTwoDeliveryIds() throws Exception {
        fault("{\"storeId\":\"" + SHOPIFY + "\",\"mode\":\"duplicate-webhooks\"}");

        for (int id = 61; id <= 63; id++) {
            seed(SHOPIFY, "orders", id, "{\"total_price\":\"1.00\"}").then().statusCode(201)
                    .body("delivery.result", equalTo("delivered"));
        }

        List<WebhookReceiver.Request> sent = receiver.requests();
        assertThat(sent).hasSize(6);
        for (int pair = 0; pair < 3; pair++) {
            WebhookReceiver.Request first = sent.get(2 * pair);
            WebhookReceiver.Request second = sent.get(2 * pair + 1);
            assertThat(second.header("X-Shopify-Event-Id")).isEqualTo(first.header("X-Shopify-Event-Id"));
            assertThat(second.header("X-Shopify-Webhook-Id")).isNotEqualTo(first.header("X-Shopify-Webhook-Id"));
            assertThat(second.bodyText()).isEqualTo(first.bodyText());
            assertThat(second.header("X-Shopify-Hmac-Sha256"))
                    .isEqualTo(hmacBase64(SHOPIFY_SECRET.getBytes(StandardCharsets.UTF_8), second.body()));
        }
        List<Map<String, Object>> log = given().get("/_sim/deliveries?storeId=" + SHOPIFY).then().statusCode(200)
                .extract().jsonPath().getList("");
        assertThat(log).hasSize(6).extracting(d -> d.get("attempt")).containsOnly(1);
    }

    @Test
    void reorderWebhooksHoldsABatchAndSendsItNewestFirst() {
        fault("{\"storeId\":\"" + SHOPIFY + "\",\"mode\":\"reorder-webhooks\",\"hold\":3}");

        seed(SHOPIFY, "orders", 71, "{\"financial_status\":\"pending\"}").then().statusCode(201)
                .body("delivery.result", equalTo("held"));
        seed(SHOPIFY, "orders", 71, "{\"financial_status\":\"paid\"}").then().statusCode(200)
                .body("delivery.result", equalTo("held"));
        assertThat(receiver.requests()).isEmpty();
        seed(SHOPIFY, "orders", 72, "{}").then().statusCode(201).body("delivery.result", equalTo("held"));

        List<WebhookReceiver.Request> sent = receiver.requests();
        assertThat(sent).extracting(r -> r.header("X-Shopify-Topic") + " " + new JsonPath(r.bodyText()).getLong("id"))
                .containsExactly("orders/create 72", "orders/updated 71", "orders/create 71");
        // the newer state of 71 arrives before the older one
        assertThat(sent).extracting(r -> new JsonPath(r.bodyText()).getString("financial_status"))
                .containsExactly(null, "paid", "pending");
    }

    @Test
    void whatTheReorderFaultStillHoldsIsSentWhenTheFaultChanges() {
        fault("{\"storeId\":\"" + SHOPIFY + "\",\"mode\":\"reorder-webhooks\"}");
        for (int id = 81; id <= 84; id++) {
            seed(SHOPIFY, "orders", id, "{}").then().statusCode(201);
        }
        assertThat(receiver.requests()).isEmpty();

        fault("{\"storeId\":\"" + SHOPIFY + "\",\"mode\":\"none\"}");

        assertThat(receiver.requests()).extracting(r -> new JsonPath(r.bodyText()).getLong("id"))
                .containsExactly(84L, 83L, 82L, 81L);
        seed(SHOPIFY, "orders", 85, "{}").then().statusCode(201).body("delivery.result", equalTo("delivered"));
    }

    @Test
    void aHoldOutsideItsRangeIsRefused() {
        given().contentType(ContentType.JSON).body("{\"storeId\":\"" + SHOPIFY + "\",\"mode\":\"reorder-webhooks\",\"hold\":1}")
                .post("/_sim/faults").then().statusCode(400);
    }
}
