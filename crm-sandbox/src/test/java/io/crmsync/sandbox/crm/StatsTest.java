package io.crmsync.sandbox.crm;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class StatsTest extends SandboxTestSupport {

    @Test
    void countsExactlyTheCrmRequestsByStatusAndEndpointTemplate() {
        String contact = createHubSpot("acme", "contacts", "crmsync_contact_key", "gr_1", Map.of());
        createHubSpot("acme", "contacts", "crmsync_contact_key", "gr_2", Map.of());
        String deal = createHubSpot("acme", "deals", "crmsync_order_ref", "o-1", Map.of());
        sandboxObjects("acme", "contacts");
        given().get("/_sandbox/stats").then().statusCode(200);
        crm().get("/acme/crm/v3/objects/contacts/" + contact).then().statusCode(200);
        crm().get("/acme/crm/v3/objects/contacts/31337").then().statusCode(404);
        associate("acme", "deals", "contacts", deal, contact).statusCode(200);
        given().contentType("application/json").body(inputs())
                .post("/acme/crm/v3/objects/deals/batch/upsert").then().statusCode(401);
        salesforceUpsert("globex", "Opportunity", false, List.of(sObject("Opportunity",
                "CrmSync_Key__c", "o-1", "Name", "Order 1", "StageName", "Closed Won", "CloseDate", "2024-05-01")))
                .statusCode(200);
        crm().get("/globex" + SF + "/sobjects/Opportunity/CrmSync_Key__c/o-1").then().statusCode(200);

        JsonPath stats = given().get("/_sandbox/stats").then().statusCode(200).extract().jsonPath();

        assertThat(stats.getMap("accounts")).containsOnlyKeys("acme", "globex");
        assertThat(stats.getInt("accounts.acme.requests.total")).isEqualTo(7);
        assertThat(stats.getMap("accounts.acme.requests.byStatus")).isEqualTo(Map.of("200", 5, "401", 1, "404", 1));
        assertThat(stats.getMap("accounts.acme.requests.byEndpoint")).isEqualTo(Map.of(
                "POST /crm/v3/objects/contacts/batch/upsert", 2,
                "POST /crm/v3/objects/deals/batch/upsert", 2,
                "GET /crm/v3/objects/contacts/{id}", 2,
                "POST /crm/v4/associations/deals/contacts/batch/associate/default", 1));
        assertThat(stats.getMap("accounts.acme.records")).isEqualTo(Map.of("contacts", 2, "deals", 1));
        assertThat(stats.getInt("accounts.acme.automationsFired")).isEqualTo(1);

        assertThat(stats.getInt("accounts.globex.requests.total")).isEqualTo(2);
        assertThat(stats.getMap("accounts.globex.requests.byStatus")).isEqualTo(Map.of("200", 2));
        assertThat(stats.getMap("accounts.globex.requests.byEndpoint")).isEqualTo(Map.of(
                "PATCH /services/data/v60.0/composite/sobjects/Opportunity/CrmSync_Key__c", 1,
                "GET /services/data/v60.0/sobjects/Opportunity/CrmSync_Key__c/{id}", 1));
        assertThat(stats.getMap("accounts.globex.records")).isEqualTo(Map.of("Opportunity", 1));
        assertThat(stats.getInt("accounts.globex.automationsFired")).isEqualTo(1);
    }

    @Test
    void faultedRequestsAreCountedWithTheirStatus() {
        fault("{\"account\":\"acme\",\"mode\":\"outage\"}");
        crm().get("/acme/crm/v3/objects/contacts/1").then().statusCode(503);

        JsonPath stats = given().get("/_sandbox/stats").then().extract().jsonPath();

        assertThat(stats.getInt("accounts.acme.requests.total")).isEqualTo(1);
        assertThat(stats.getMap("accounts.acme.requests.byStatus")).isEqualTo(Map.of("503", 1));
        assertThat(stats.getMap("accounts.acme.records")).isEmpty();
    }

    @Test
    void resetForgetsEverything() {
        createHubSpot("acme", "deals", "crmsync_order_ref", "o-1", Map.of());

        given().post("/_sandbox/reset").then().statusCode(204);

        given().get("/_sandbox/stats").then().statusCode(200)
                .body("accounts", Matchers.anEmptyMap());
        assertThat(sandboxObjects("acme", "deals")).isEmpty();
    }
}
