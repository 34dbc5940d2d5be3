package io.crmsync.ingress.rest;

import io.crmsync.testkit.CrmSyncTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(CrmSyncTestResource.class)
@Order(3)
class OperationsEndpointsTest {

    @Test
    void isLiveAndReadyWhileTheBrokerIsReachable() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void describesTheWebhookEndpointInOpenApi() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body(containsString("/webhooks/{platform}/{storeId}"))
                .body(containsString("\"503\""));
    }
}
