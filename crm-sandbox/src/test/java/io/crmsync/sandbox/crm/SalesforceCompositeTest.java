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
class SalesforceCompositeTest extends SandboxTestSupport {

    @Test
    void upsertCreatesThenUpdatesByExternalId() {
        Response created = salesforceUpsert("globex", "Contact", false, List.of(
                        sObject("Contact", "CrmSync_Key__c", "gr_1", "LastName", "Lee", "Email", "ann@example.com")))
                .statusCode(200)
                .header("Sforce-Limit-Info", "api-usage=1/100000")
                .extract().response();
        String id = created.path("[0].id");
        assertThat(id).startsWith("003").hasSize(18);
        assertThat(created.<Boolean>path("[0].success")).isTrue();
        assertThat(created.<Boolean>path("[0].created")).isTrue();
        assertThat(created.<List<Object>>path("[0].errors")).isEmpty();

        // External ids match case-insensitively, as Salesforce's default external id fields do.
        salesforceUpsert("globex", "Contact", false, List.of(
                        sObject("Contact", "CrmSync_Key__c", "GR_1", "FirstName", "Ann", "Email", null)))
                .statusCode(200)
                .header("Sforce-Limit-Info", "api-usage=2/100000")
                .body("[0].id", Matchers.equalTo(id))
                .body("[0].created", Matchers.equalTo(false));

        List<Map<String, Object>> contacts = sandboxSObjects("globex", "Contact");
        assertThat(contacts).hasSize(1);
        assertThat(contacts.get(0)).containsEntry("Id", id)
                .containsEntry("LastName", "Lee")
                .containsEntry("FirstName", "Ann")
                .containsEntry("Email", null);
    }

    @Test
    void invalidRecordsGetPerRecordErrorsAndTheOthersAreSaved() {
        Response response = salesforceUpsert("globex", "Contact", false, List.of(
                        sObject("Contact", "CrmSync_Key__c", "gr_1", "LastName", "Ok"),
                        sObject("Contact", "CrmSync_Key__c", "gr_2", "FirstName", "NoLastName"),
                        sObject("Contact", "CrmSync_Key__c", "gr_3", "LastName", "X", "Email", "nope"),
                        sObject("Contact", "LastName", "NoKey")))
                .statusCode(200).extract().response();

        assertThat(response.<List<Boolean>>path("success")).containsExactly(true, false, false, false);
        assertThat(response.<String>path("[1].errors[0].statusCode")).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(response.<List<String>>path("[1].errors[0].fields")).containsExactly("LastName");
        assertThat(response.<String>path("[2].errors[0].statusCode")).isEqualTo("INVALID_EMAIL_ADDRESS");
        assertThat(response.<String>path("[3].errors[0].statusCode")).isEqualTo("MISSING_ARGUMENT");
        assertThat(response.<Map<String, Object>>path("[1]")).doesNotContainKeys("id", "created");
        assertThat(sandboxSObjects("globex", "Contact")).extracting(c -> c.get("CrmSync_Key__c")).containsExactly("gr_1");
    }

    @Test
    void allOrNoneRollsBackEveryRecordWhenOneFails() {
        Response response = salesforceUpsert("globex", "Opportunity", true, List.of(
                        sObject("Opportunity", "CrmSync_Key__c", "o-1", "Name", "A", "StageName", "New", "CloseDate", "2024-05-01"),
                        sObject("Opportunity", "CrmSync_Key__c", "o-2", "Name", "B")))
                .statusCode(200).extract().response();

        assertThat(response.<List<Boolean>>path("success")).containsExactly(false, false);
        assertThat(response.<String>path("[0].errors[0].statusCode")).isEqualTo("ALL_OR_NONE_OPERATION_ROLLED_BACK");
        assertThat(response.<String>path("[1].errors[0].statusCode")).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(response.<List<String>>path("[1].errors[0].fields")).containsExactly("StageName", "CloseDate");
        assertThat(sandboxSObjects("globex", "Opportunity")).isEmpty();
        given().get("/_sandbox/stats").then().body("accounts.globex.automationsFired", Matchers.equalTo(0));
    }

    @Test
    void duplicateExternalIdsInOneCallFailBothRecords() {
        salesforceUpsert("globex", "Account", false, List.of(
                        sObject("Account", "CrmSync_Key__c", "c-1", "Name", "A"),
                        sObject("Account", "CrmSync_Key__c", "C-1", "Name", "B")))
                .statusCode(200)
                .body("success", Matchers.contains(false, false))
                .body("[0].errors[0].statusCode", Matchers.equalTo("DUPLICATE_VALUE"));
        assertThat(sandboxSObjects("globex", "Account")).isEmpty();
    }

    @Test
    void opportunityCreationFiresAnAutomationUnlessBackfill() {
        salesforceUpsert("globex", "Opportunity", false, List.of(
                        opportunity("o-1", "live"), opportunity("o-2", "backfill"), opportunity("o-3", null)))
                .statusCode(200)
                .body("created", Matchers.contains(true, true, true));
        salesforceUpsert("globex", "Opportunity", false, List.of(opportunity("o-1", "live"))).statusCode(200)
                .body("[0].created", Matchers.equalTo(false));
        salesforceUpsert("globex", "Contact", false, List.of(sObject("Contact", "CrmSync_Key__c", "gr_1", "LastName", "L")))
                .statusCode(200);

        given().get("/_sandbox/stats").then()
                .body("accounts.globex.automationsFired", Matchers.equalTo(2))
                .body("accounts.globex.records", Matchers.equalTo(Map.of("Contact", 1, "Opportunity", 3)));
        assertThat(sandboxSObjects("globex", "Opportunity").get(0).get("Id").toString()).startsWith("006");
    }

    @Test
    void relationshipByExternalIdResolvesToTheReferencedId() {
        String accountId = salesforceUpsert("globex", "Account", false,
                        List.of(sObject("Account", "CrmSync_Key__c", "c-1", "Name", "Acme Ltd")))
                .statusCode(200).extract().path("[0].id");
        assertThat(accountId).startsWith("001");

        salesforceUpsert("globex", "Contact", false, List.of(
                        sObject("Contact", "CrmSync_Key__c", "gr_1", "LastName", "Lee",
                                "Account", Map.of("CrmSync_Key__c", "c-1")),
                        sObject("Contact", "CrmSync_Key__c", "gr_2", "LastName", "Kim",
                                "Account", Map.of("CrmSync_Key__c", "c-404"))))
                .statusCode(200)
                .body("success", Matchers.contains(true, false))
                .body("[1].errors[0].statusCode", Matchers.equalTo("INVALID_FIELD"))
                .body("[1].errors[0].message", Matchers.containsString("c-404"));

        assertThat(sandboxSObjects("globex", "Contact").get(0)).containsEntry("AccountId", accountId);
    }

    @Test
    void requestLevelErrorsUseSalesforceErrorArrays() {
        List<Map<String, Object>> tooMany = new java.util.ArrayList<>();
        for (int i = 0; i < 201; i++) {
            tooMany.add(sObject("Contact", "CrmSync_Key__c", "gr_" + i, "LastName", "L"));
        }
        salesforceUpsert("globex", "Contact", false, tooMany).statusCode(400)
                .body("[0].errorCode", Matchers.equalTo("EXCEEDED_ID_LIMIT"));
        salesforceUpsert("globex", "Widget__x", false, List.of()).statusCode(404)
                .body("[0].errorCode", Matchers.equalTo("NOT_FOUND"));
        crm().body(Map.of("records", List.of()))
                .patch("/globex" + SF + "/composite/sobjects/Contact/Email")
                .then().statusCode(404)
                .body("[0].message", Matchers.containsString("external ID field"));
        given().contentType("application/json").body(Map.of("records", List.of()))
                .patch("/globex" + SF + "/composite/sobjects/Contact/CrmSync_Key__c")
                .then().statusCode(401)
                .body("[0].errorCode", Matchers.equalTo("INVALID_SESSION_ID"))
                .body("[0].message", Matchers.equalTo("Session expired or invalid"));
        assertThat(sandboxSObjects("globex", "Contact")).isEmpty();
    }

    @Test
    void recordsCanBeReadByIdAndByExternalId() {
        String id = salesforceUpsert("globex", "Contact", false,
                        List.of(sObject("Contact", "CrmSync_Key__c", "gr_1", "LastName", "Lee", "Age__c", 42)))
                .extract().path("[0].id");

        crm().get("/globex" + SF + "/sobjects/Contact/" + id).then().statusCode(200)
                .body("attributes.type", Matchers.equalTo("Contact"))
                .body("attributes.url", Matchers.equalTo(SF + "/sobjects/Contact/" + id))
                .body("Id", Matchers.equalTo(id))
                .body("Age__c", Matchers.equalTo(42))
                .body("CreatedDate", Matchers.matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000"));
        crm().get("/globex" + SF + "/sobjects/Contact/CrmSync_Key__c/gr_1").then().statusCode(200)
                .body("Id", Matchers.equalTo(id));
        crm().get("/globex" + SF + "/sobjects/Contact/003Sb0000000000zzz").then().statusCode(404)
                .body("[0].errorCode", Matchers.equalTo("NOT_FOUND"));
    }

    private static Map<String, Object> opportunity(String key, String syncMode) {
        Map<String, Object> record = sObject("Opportunity", "CrmSync_Key__c", key, "Name", "Order " + key,
                "StageName", "Closed Won", "CloseDate", "2024-05-01", "Amount", 99.5);
        if (syncMode != null) {
            record.put("CrmSync_Sync_Mode__c", syncMode);
        }
        return record;
    }
}
