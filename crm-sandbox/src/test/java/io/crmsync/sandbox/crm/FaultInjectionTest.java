package io.crmsync.sandbox.crm;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class FaultInjectionTest extends SandboxTestSupport {

    private static final Map<String, Object> ONE_CONTACT = inputs(input("crmsync_contact_key", "gr_1", Map.of()));

    @Test
    void outageAnswers503InEachCrmsFormatUntilCleared() {
        fault("{\"account\":\"acme\",\"mode\":\"outage\"}");
        fault("{\"account\":\"globex\",\"mode\":\"outage\"}");

        hubspotUpsert("acme", "contacts", ONE_CONTACT).statusCode(503)
                .body("status", Matchers.equalTo("error"))
                .body("category", Matchers.equalTo("SERVICE_UNAVAILABLE"))
                .body("correlationId", Matchers.notNullValue())
                .header("X-HubSpot-RateLimit-Max", "190");
        salesforceUpsert("globex", "Contact", false, List.of(sObject("Contact", "CrmSync_Key__c", "gr_1", "LastName", "L")))
                .statusCode(503)
                .body("[0].errorCode", Matchers.equalTo("SERVER_UNAVAILABLE"))
                .body("[0].message", Matchers.notNullValue())
                .header("Sforce-Limit-Info", "api-usage=0/100000");
        // An outage answers even requests without credentials, and writes nothing.
        given().get("/acme/crm/v3/objects/contacts/1").then().statusCode(503);
        assertThat(sandboxObjects("acme", "contacts")).isEmpty();

        fault("{\"account\":\"acme\",\"mode\":\"none\"}");
        hubspotUpsert("acme", "contacts", ONE_CONTACT).statusCode(200);
        salesforceUpsert("globex", "Contact", false, List.of(sObject("Contact", "CrmSync_Key__c", "gr_1", "LastName", "L")))
                .statusCode(503);
    }

    @Test
    void faultsAreScopedToTheirAccount() {
        fault("{\"account\":\"acme\",\"mode\":\"outage\"}");

        hubspotUpsert("initech", "contacts", ONE_CONTACT).statusCode(200);
        hubspotUpsert("acme", "contacts", ONE_CONTACT).statusCode(503);
    }

    @Test
    void authFaultAnswersExpiredTokenErrors() {
        fault("{\"account\":\"acme\",\"mode\":\"auth\"}");
        fault("{\"account\":\"globex\",\"mode\":\"auth\"}");

        hubspotUpsert("acme", "contacts", ONE_CONTACT).statusCode(401)
                .body("status", Matchers.equalTo("error"))
                .body("category", Matchers.equalTo("EXPIRED_AUTHENTICATION"))
                .body("correlationId", Matchers.notNullValue());
        salesforceUpsert("globex", "Contact", false, List.of(sObject("Contact", "CrmSync_Key__c", "gr_1", "LastName", "L")))
                .statusCode(401)
                .body("[0].errorCode", Matchers.equalTo("INVALID_SESSION_ID"))
                .body("[0].message", Matchers.equalTo("Session expired or invalid"));
        assertThat(sandboxObjects("acme", "contacts")).isEmpty();
        assertThat(sandboxSObjects("globex", "Contact")).isEmpty();

        fault("{\"account\":\"acme\",\"mode\":\"none\"}");
        hubspotUpsert("acme", "contacts", ONE_CONTACT).statusCode(200);
    }

    @Test
    void rateLimitFaultAnswers429WithHubSpotBodyAndHeadersPastTheBudget() {
        fault("{\"account\":\"acme\",\"mode\":\"rate-limit\",\"requests\":3,\"perSeconds\":60}");

        for (int remaining = 2; remaining >= 0; remaining--) {
            hubspotUpsert("acme", "contacts", ONE_CONTACT).statusCode(200)
                    .header("X-HubSpot-RateLimit-Max", "3")
                    .header("X-HubSpot-RateLimit-Remaining", Integer.toString(remaining))
                    .header("X-HubSpot-RateLimit-Interval-Milliseconds", "60000");
        }
        Response limited = hubspotUpsert("acme", "contacts", ONE_CONTACT).statusCode(429).extract().response();

        assertThat(limited.<String>path("status")).isEqualTo("error");
        assertThat(limited.<String>path("category")).isEqualTo("RATE_LIMITS");
        assertThat(limited.<String>path("errorType")).isEqualTo("RATE_LIMIT");
        assertThat(limited.<String>path("policyName")).isEqualTo("TEN_SECONDLY_ROLLING");
        assertThat(limited.<String>path("correlationId")).isNotBlank();
        assertThat(limited.header("X-HubSpot-RateLimit-Max")).isEqualTo("3");
        assertThat(limited.header("X-HubSpot-RateLimit-Remaining")).isEqualTo("0");
        assertThat(limited.header("X-HubSpot-RateLimit-Interval-Milliseconds")).isEqualTo("60000");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);

        fault("{\"account\":\"acme\",\"mode\":\"none\"}");
        hubspotUpsert("acme", "contacts", ONE_CONTACT).statusCode(200)
                .header("X-HubSpot-RateLimit-Max", "190");
    }

    @Test
    void rateLimitWindowRollsSoAPatientClientRecovers() throws InterruptedException {
        fault("{\"account\":\"acme\",\"mode\":\"rate-limit\",\"requests\":1,\"perSeconds\":1}");

        hubspotUpsert("acme", "contacts", ONE_CONTACT).statusCode(200);
        hubspotUpsert("acme", "contacts", ONE_CONTACT).statusCode(429).header("Retry-After", "1");
        Thread.sleep(1_100);
        hubspotUpsert("acme", "contacts", ONE_CONTACT).statusCode(200);
    }

    @Test
    void rateLimitFaultAnswersSalesforceRequestLimitExceeded() {
        fault("{\"account\":\"globex\",\"mode\":\"rate-limit\",\"requests\":1,\"perSeconds\":60}");
        List<Map<String, Object>> records = List.of(sObject("Contact", "CrmSync_Key__c", "gr_1", "LastName", "L"));

        salesforceUpsert("globex", "Contact", false, records).statusCode(200)
                .header("Sforce-Limit-Info", "api-usage=1/100000");
        salesforceUpsert("globex", "Contact", false, records).statusCode(403)
                .body("[0].errorCode", Matchers.equalTo("REQUEST_LIMIT_EXCEEDED"))
                .body("[0].message", Matchers.notNullValue())
                .header("Sforce-Limit-Info", "api-usage=1/100000");
    }

    @Test
    void latencyFaultDelaysEveryResponse() {
        fault("{\"account\":\"acme\",\"mode\":\"latency\",\"millis\":400}");

        long started = System.nanoTime();
        hubspotUpsert("acme", "contacts", ONE_CONTACT).statusCode(200);
        given().get("/acme/crm/v3/objects/contacts/1").then().statusCode(401);
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(elapsedMillis).isGreaterThanOrEqualTo(800);
        assertThat(sandboxObjects("acme", "contacts")).hasSize(1);
    }

    @Test
    void invalidFaultRequestsAreRejected() {
        given().contentType("application/json").body("{\"account\":\"acme\",\"mode\":\"meteor\"}")
                .post("/_sandbox/faults").then().statusCode(400)
                .body("message", Matchers.containsString("meteor"));
        given().contentType("application/json").body("{\"mode\":\"outage\"}")
                .post("/_sandbox/faults").then().statusCode(400);
        given().contentType("application/json").body("{\"account\":\"acme\",\"mode\":\"rate-limit\",\"requests\":5}")
                .post("/_sandbox/faults").then().statusCode(400);
        given().contentType("application/json").body("{\"account\":\"acme\",\"mode\":\"latency\"}")
                .post("/_sandbox/faults").then().statusCode(400);

        hubspotUpsert("acme", "contacts", ONE_CONTACT).statusCode(200);
    }

    @Test
    void resetClearsFaults() {
        fault("{\"account\":\"acme\",\"mode\":\"outage\"}");

        given().post("/_sandbox/reset").then().statusCode(204);

        hubspotUpsert("acme", "contacts", ONE_CONTACT).statusCode(200);
    }
}
