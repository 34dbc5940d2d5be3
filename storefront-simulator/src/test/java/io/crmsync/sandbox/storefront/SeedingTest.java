package io.crmsync.sandbox.storefront;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.crmsync.sandbox.storefront.SimTestSupport.SHOPIFY;
import static io.crmsync.sandbox.storefront.SimTestSupport.SHOPIFY_TOKEN;
import static io.crmsync.sandbox.storefront.SimTestSupport.WOO;
import static io.crmsync.sandbox.storefront.SimTestSupport.seed;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@WithTestResource(ReceiverTestResource.class)
class SeedingTest {

    private static final String ORDER = """
            {"email":"zoe@example.com","total_price":"19.99","tax_lines":[{"rate":0.060,"price":"1.13"}],
             "created_at":"2025-11-02T09:30:00-05:00"}""";

    @BeforeEach
    void reset() {
        SimTestSupport.reset();
    }

    @Test
    void seedingStoresTheObjectStampedAndTheAdminApiServesIt() {
        seed(SHOPIFY, "orders", 1001, ORDER).then()
                .statusCode(201)
                .body("created", equalTo(true))
                .body("platform", equalTo("shopify"))
                .body("object.id", equalTo(1001))
                .body("object.created_at", equalTo("2025-11-02T09:30:00-05:00"))
                .body("object.updated_at", matchesPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}"))
                .body("delivery.result", equalTo("delivered"))
                .body("delivery.status", equalTo(202));

        String body = given().header("X-Shopify-Access-Token", SHOPIFY_TOKEN)
                .get("/{store}/admin/api/2024-04/orders/1001.json", SHOPIFY)
                .then().statusCode(200)
                .body("order.email", equalTo("zoe@example.com"))
                .body("order.updated_at", notNullValue())
                .extract().asString();
        // decimals come back as they were written, not through a double
        assertThat(body).contains("\"rate\":0.060");
    }

    @Test
    void secondSeedOfAnIdIsAnUpdateKeepingItsCreationTime() {
        seed(SHOPIFY, "customers", 7, "{\"email\":\"a@example.com\"}").then().statusCode(201);
        String created = given().get("/_sim/stores/{store}/customers/7", SHOPIFY).then().extract().path("created_at");

        seed(SHOPIFY, "customers", 7, "{\"email\":\"b@example.com\"}").then()
                .statusCode(200)
                .body("created", equalTo(false))
                .body("object.created_at", equalTo(created))
                .body("object.email", equalTo("b@example.com"));
    }

    @Test
    void wooCommerceGetsItsOwnModifiedFields() {
        seed(WOO, "orders", 727, "{\"status\":\"processing\"}").then()
                .statusCode(201)
                .body("object.date_modified", matchesPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}"))
                .body("object.date_modified_gmt", matchesPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}"))
                .body("object.date_created_gmt", notNullValue());
    }

    @Test
    void unknownStoreIs404AndBadSeedsAre400() {
        seed("no-such-store", "orders", 1, "{}").then().statusCode(404).body("error", notNullValue());
        seed(SHOPIFY, "refunds", 1, "{}").then().statusCode(400);
        seed(SHOPIFY, "orders", 1, "{\"id\":2}").then().statusCode(400);
        given().contentType(ContentType.JSON).body("[1,2]").put("/_sim/stores/{s}/orders/1", SHOPIFY).then().statusCode(400);
    }

    @Test
    void serviceEndpointsAnswer() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
        given().get("/_sim/ingress").then().statusCode(200).body("url", equalTo(WebhookReceiver.get().url()));
    }
}
