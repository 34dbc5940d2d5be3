package io.crmsync.writer;

import io.crmsync.testkit.CrmSyncTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The operational HTTP surfaces every service has. */
@QuarkusTest
@WithTestResource(value = CrmSyncTestResource.class, initArgs = @ResourceArg(name = "apps", value = "crm-sandbox"))
class CrmWriterSurfacesTest {

    @Test
    void healthMetricsAndOpenApiAnswer() {
        RestAssured.get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        RestAssured.get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("crm-record-upsert")).body(containsString("Database"));
        RestAssured.get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        RestAssured.get("/q/openapi").then().statusCode(200).body(containsString("openapi"));
    }
}
