package io.crmsync.sandbox.crm;

import io.quarkus.test.junit.QuarkusTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;

@QuarkusTest
class HealthTest {

    @Test
    void readinessIsUp() {
        given().get("/q/health/ready").then().statusCode(200).body("status", Matchers.equalTo("UP"));
    }
}
