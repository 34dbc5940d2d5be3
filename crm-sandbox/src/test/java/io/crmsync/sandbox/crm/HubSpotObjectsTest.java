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
class HubSpotObjectsTest extends SandboxTestSupport {

    @Test
    void upsertCreatesThenUpdatesTheSameRecordByIdProperty() {
        Response created = hubspotUpsert("acme", "contacts",
                inputs(input("crmsync_contact_key", "gr_1", Map.of("firstname", "Ann", "lastname", "Old"))))
                .statusCode(200).extract().response();
        assertThat(created.<Boolean>path("results[0].new")).isTrue();
        assertThat(created.<String>path("status")).isEqualTo("COMPLETE");
        assertThat(created.<String>path("startedAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(created.<Object>path("errors")).isNull();
        String id = created.path("results[0].id");
        assertThat(id).matches("\\d+");
        assertThat(created.<String>path("results[0].properties.crmsync_contact_key")).isEqualTo("gr_1");
        assertThat(created.<String>path("results[0].properties.hs_object_id")).isEqualTo(id);

        Response updated = hubspotUpsert("acme", "contacts",
                inputs(input("crmsync_contact_key", "gr_1", Map.of("lastname", "New", "age", 42, "vip", true))))
                .statusCode(200).extract().response();
        assertThat(updated.<String>path("results[0].id")).isEqualTo(id);
        assertThat(updated.<Boolean>path("results[0].new")).isFalse();

        List<Map<String, Object>> contacts = sandboxObjects("acme", "contacts");
        assertThat(contacts).hasSize(1);
        assertThat(contacts.get(0)).containsEntry("id", id);
        // Merged, not replaced; numbers and booleans come back as strings, as HubSpot stores them.
        assertThat(contacts.get(0).get("properties")).isEqualTo(Map.of(
                "crmsync_contact_key", "gr_1", "firstname", "Ann", "lastname", "New", "age", "42", "vip", "true"));
        assertThat(contacts.get(0).get("associations")).isEqualTo(Map.of());
        // When the CRM wrote it, as the API answered it: created by the first upsert, updated by the second.
        assertThat(contacts.get(0)).containsEntry("createdAt", created.path("results[0].createdAt"))
                .containsEntry("updatedAt", updated.path("results[0].updatedAt"));
    }

    @Test
    void anUpsertThatSendsANewValueForItsIdPropertyReKeysTheRecord() {
        String id = createHubSpot("acme", "companies", "crmsync_company_key", "co_old", Map.of("name", "Acme"));

        hubspotUpsert("acme", "companies", inputs(input("crmsync_company_key", "co_old",
                Map.of("crmsync_company_key", "co_new")))).statusCode(200)
                .body("results[0].id", Matchers.equalTo(id))
                .body("results[0].new", Matchers.equalTo(false));
        String again = hubspotUpsert("acme", "companies", inputs(input("crmsync_company_key", "co_new",
                Map.of("city", "Berlin")))).statusCode(200).extract().path("results[0].id");

        assertThat(again).isEqualTo(id);
        assertThat(sandboxObjects("acme", "companies")).singleElement().extracting(o -> o.get("properties"))
                .isEqualTo(Map.of("crmsync_company_key", "co_new", "name", "Acme", "city", "Berlin"));
    }

    @Test
    void emailIdPropertyMatchesCaseInsensitively() {
        String id = createHubSpot("acme", "contacts", "email", "Ann.Lee@Example.com", Map.of("firstname", "Ann"));

        hubspotUpsert("acme", "contacts", inputs(input("email", "ann.lee@EXAMPLE.COM", Map.of("lastname", "Lee"))))
                .statusCode(200)
                .extract().response()
                .then()
                .body("results[0].id", Matchers.equalTo(id))
                .body("results[0].new", Matchers.equalTo(false));

        List<Map<String, Object>> contacts = sandboxObjects("acme", "contacts");
        assertThat(contacts).hasSize(1);
        assertThat(contacts.get(0).get("properties"))
                .isEqualTo(Map.of("email", "Ann.Lee@Example.com", "firstname", "Ann", "lastname", "Lee"));
    }

    @Test
    void batchOfMoreThanOneHundredInputsIsRejectedWhole() {
        Map<String, Object> body = Map.of("inputs",
                many(101, i -> input("crmsync_contact_key", "gr_" + i, Map.of("firstname", "n" + i))));

        Response response = hubspotUpsert("acme", "contacts", body).statusCode(400).extract().response();

        assertThat(response.<String>path("status")).isEqualTo("error");
        assertThat(response.<String>path("category")).isEqualTo("VALIDATION_ERROR");
        assertThat(response.<String>path("message")).contains("100");
        assertThat(response.<String>path("correlationId")).matches("[0-9a-f-]{36}");
        assertThat(sandboxObjects("acme", "contacts")).isEmpty();
    }

    @Test
    void exactlyOneHundredInputsAreAccepted() {
        Map<String, Object> body = Map.of("inputs",
                many(100, i -> input("crmsync_contact_key", "gr_" + i, Map.of("firstname", "n" + i))));

        hubspotUpsert("acme", "contacts", body).statusCode(200);

        assertThat(sandboxObjects("acme", "contacts")).hasSize(100);
    }

    @Test
    void invalidInputsYieldMultiStatusWithResultsForTheValidOnes() {
        Map<String, Object> badValue = input("crmsync_contact_key", "gr_2", Map.of("tags", List.of("a", "b")));
        badValue.put("objectWriteTraceId", "trace-2");
        Map<String, Object> body = inputs(
                input("crmsync_contact_key", "gr_1", Map.of("firstname", "Ok")),
                input("crmsync_contact_key", "", Map.of("firstname", "NoId")),
                badValue,
                input("crmsync_contact_key", "gr_3", Map.of("email", "not-an-email")),
                input("firstname", "Bob", Map.of()));

        Response response = hubspotUpsert("acme", "contacts", body).statusCode(207).extract().response();

        assertThat(response.<String>path("status")).isEqualTo("COMPLETE");
        assertThat(response.<List<Object>>path("results")).hasSize(1);
        assertThat(response.<String>path("results[0].properties.firstname")).isEqualTo("Ok");
        assertThat(response.<Integer>path("numErrors")).isEqualTo(4);
        assertThat(response.<List<String>>path("errors.status")).containsOnly("error");
        assertThat(response.<List<String>>path("errors.category")).containsOnly("VALIDATION_ERROR");
        assertThat(response.<List<String>>path("errors[1].context.id")).containsExactly("gr_2");
        assertThat(response.<List<String>>path("errors[1].context.objectWriteTraceId")).containsExactly("trace-2");
        assertThat(response.<List<String>>path("errors[1].context.propertyName")).containsExactly("tags");
        assertThat(response.<String>path("errors[2].message")).contains("INVALID_EMAIL").contains("not-an-email");
        assertThat(response.<String>path("errors[3].message")).contains("firstname");
        assertThat(sandboxObjects("acme", "contacts")).hasSize(1);
    }

    @Test
    void emailIsOnlyAnIdPropertyForContacts() {
        hubspotUpsert("acme", "deals", inputs(input("email", "a@b.com", Map.of("dealname", "x"))))
                .statusCode(207)
                .body("numErrors", Matchers.equalTo(1));
        assertThat(sandboxObjects("acme", "deals")).isEmpty();
    }

    @Test
    void duplicateIdsInOneBatchAreRejectedWhole() {
        hubspotUpsert("acme", "contacts", inputs(
                        input("email", "a@b.com", Map.of()),
                        input("email", "A@B.com", Map.of())))
                .statusCode(400)
                .body("category", Matchers.equalTo("VALIDATION_ERROR"))
                .body("message", Matchers.containsString("Duplicate IDs"));
        assertThat(sandboxObjects("acme", "contacts")).isEmpty();
    }

    @Test
    void unknownObjectTypeAndMalformedJsonAreValidationErrors() {
        hubspotUpsert("acme", "tickets", inputs(input("crmsync_k", "1", Map.of())))
                .statusCode(400)
                .body("message", Matchers.equalTo("Unable to infer object type from: tickets"));
        hubspotUpsert("acme", "contacts", "{\"inputs\": [")
                .statusCode(400)
                .body("category", Matchers.equalTo("VALIDATION_ERROR"))
                .body("message", Matchers.startsWith("Invalid input JSON on line 1"));
    }

    @Test
    void batchReadReturnsFoundRecordsAndReportsMissingOnes() {
        createHubSpot("acme", "deals", "crmsync_order_ref", "o-1", Map.of("dealname", "First", "amount", "10"));
        createHubSpot("acme", "deals", "crmsync_order_ref", "o-2", Map.of("dealname", "Second"));

        Response response = crm()
                .body(Map.of("idProperty", "crmsync_order_ref",
                        "inputs", List.of(Map.of("id", "o-1"), Map.of("id", "o-2"), Map.of("id", "o-9")),
                        "properties", List.of("dealname", "amount")))
                .post("/acme/crm/v3/objects/deals/batch/read")
                .then().statusCode(207).extract().response();

        assertThat(response.<List<String>>path("results.properties.dealname")).containsExactly("First", "Second");
        assertThat(response.<List<String>>path("results.properties.amount")).containsExactly("10", null);
        assertThat(response.<Map<String, Object>>path("results[0].properties"))
                .containsKeys("hs_object_id", "createdate", "hs_lastmodifieddate")
                .doesNotContainKey("crmsync_order_ref");
        assertThat(response.<Integer>path("numErrors")).isEqualTo(1);
        assertThat(response.<String>path("errors[0].category")).isEqualTo("OBJECT_NOT_FOUND");
        assertThat(response.<String>path("errors[0].message")).startsWith("Could not get some DEAL objects");
        assertThat(response.<List<String>>path("errors[0].context.ids")).containsExactly("o-9");

        crm().body(Map.of("idProperty", "crmsync_order_ref", "inputs", List.of(Map.of("id", "o-2"))))
                .post("/acme/crm/v3/objects/deals/batch/read")
                .then().statusCode(200)
                .body("results[0].properties.dealname", Matchers.equalTo("Second"));
    }

    @Test
    void getByIdOrIdPropertyAndNotFound() {
        String id = createHubSpot("acme", "companies", "crmsync_company_key", "c-1", Map.of("name", "Acme Ltd"));

        crm().get("/acme/crm/v3/objects/companies/" + id)
                .then().statusCode(200)
                .body("id", Matchers.equalTo(id))
                .body("archived", Matchers.equalTo(false))
                .body("properties.name", Matchers.equalTo("Acme Ltd"));
        crm().queryParam("idProperty", "crmsync_company_key").queryParam("properties", "name,domain")
                .get("/acme/crm/v3/objects/companies/c-1")
                .then().statusCode(200)
                .body("id", Matchers.equalTo(id))
                .body("properties", Matchers.hasKey("domain"))
                .body("properties", Matchers.not(Matchers.hasKey("crmsync_company_key")));
        crm().get("/acme/crm/v3/objects/companies/999")
                .then().statusCode(404)
                .body("status", Matchers.equalTo("error"))
                .body("category", Matchers.equalTo("OBJECT_NOT_FOUND"))
                .body("correlationId", Matchers.notNullValue());
    }

    @Test
    void requestsWithoutBearerTokenAreUnauthorized() {
        for (String authorization : new String[] {null, "Bearer ", "Basic dXNlcjpwYXNz"}) {
            var request = given().contentType("application/json");
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            request.body(inputs(input("crmsync_contact_key", "gr_1", Map.of())))
                    .post("/acme/crm/v3/objects/contacts/batch/upsert")
                    .then().statusCode(401)
                    .body("status", Matchers.equalTo("error"))
                    .body("category", Matchers.equalTo("INVALID_AUTHENTICATION"))
                    .body("correlationId", Matchers.notNullValue())
                    .header("X-HubSpot-RateLimit-Max", "190");
        }
        assertThat(sandboxObjects("acme", "contacts")).isEmpty();
    }

    @Test
    void everyResponseCarriesTheDefaultTenSecondBudget() {
        hubspotUpsert("acme", "contacts", inputs(input("crmsync_contact_key", "gr_1", Map.of())))
                .statusCode(200)
                .header("X-HubSpot-RateLimit-Max", "190")
                .header("X-HubSpot-RateLimit-Remaining", "189")
                .header("X-HubSpot-RateLimit-Interval-Milliseconds", "10000");
        crm().get("/acme/crm/v3/objects/contacts/404")
                .then().statusCode(404)
                .header("X-HubSpot-RateLimit-Remaining", "188");
        // Budgets are per account.
        hubspotUpsert("initech", "contacts", inputs(input("crmsync_contact_key", "gr_1", Map.of())))
                .header("X-HubSpot-RateLimit-Remaining", "189");
    }

    @Test
    void dealCreationFiresAnAutomationUnlessBackfill() {
        createHubSpot("acme", "deals", "crmsync_deal_key", "d-1", Map.of("dealname", "Live"));
        createHubSpot("acme", "deals", "crmsync_deal_key", "d-2", Map.of("dealname", "Old", "crmsync_sync_mode", "backfill"));
        // An update never fires, and neither does creating other object types.
        createHubSpot("acme", "deals", "crmsync_deal_key", "d-1", Map.of("dealname", "Live, renamed"));
        createHubSpot("acme", "contacts", "crmsync_contact_key", "gr_1", Map.of());
        createHubSpot("acme", "deals", "crmsync_deal_key", "d-3", Map.of("crmsync_sync_mode", "live"));

        given().get("/_sandbox/stats").then().statusCode(200)
                .body("accounts.acme.automationsFired", Matchers.equalTo(2));
    }
}
