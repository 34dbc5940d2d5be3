package io.crmsync.sandbox.crm;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** sObject Collections update by Id: {@code PATCH /services/data/vNN.N/composite/sobjects}. */
@QuarkusTest
class SalesforceCollectionsUpdateTest extends SandboxTestSupport {

    @Test
    void updatesRecordsOfSeveralSObjectsByIdAndAnswersInOrder() {
        String accountId = createSalesforce("globex", "Account", "c-1", "Name", "Globex");
        String contactId = createSalesforce("globex", "Contact", "gr_1", "LastName", "Lee", "FirstName", "Ann");
        String opportunityId = createSalesforce("globex", "Opportunity", "o-1", "Name", "Order 1",
                "StageName", "Prospecting", "CloseDate", "2024-05-01");

        Response response = salesforceUpdate("globex", false, List.of(
                        sObject("Opportunity", "id", opportunityId, "AccountId", accountId, "ContactId", contactId),
                        sObject("Contact", "id", contactId, "AccountId", accountId, "FirstName", null)))
                .statusCode(200)
                .header("Sforce-Limit-Info", "api-usage=4/100000")
                .extract().response();

        assertThat(response.<List<String>>path("id")).containsExactly(opportunityId, contactId);
        assertThat(response.<List<Boolean>>path("success")).containsExactly(true, true);
        assertThat(response.<List<Object>>path("[0].errors")).isEmpty();
        // Updates answer without "created", unlike upserts.
        assertThat(response.<Map<String, Object>>path("[0]")).containsOnlyKeys("id", "success", "errors");
        assertThat(sandboxSObjects("globex", "Opportunity").get(0))
                .containsEntry("AccountId", accountId).containsEntry("ContactId", contactId)
                .containsEntry("StageName", "Prospecting");
        assertThat(sandboxSObjects("globex", "Contact").get(0))
                .containsEntry("AccountId", accountId).containsEntry("FirstName", null).containsEntry("LastName", "Lee");
        given().get("/_sandbox/stats").then()
                .body("accounts.globex.requests.byEndpoint.'PATCH /services/data/v60.0/composite/sobjects'",
                        Matchers.equalTo(1))
                .body("accounts.globex.automationsFired", Matchers.equalTo(1));
    }

    @Test
    void recordsThatCannotBeUpdatedGetPerRecordErrorsAndTheOthersAreSaved() {
        String contactId = createSalesforce("globex", "Contact", "gr_1", "LastName", "Lee");
        String accountId = createSalesforce("globex", "Account", "c-1", "Name", "Globex");
        String unknownContact = contactId.substring(0, 6) + "zzzzzzzzzzzz";

        Response response = salesforceUpdate("globex", false, List.of(
                        sObject("Contact", "id", contactId, "Title", "CTO"),
                        sObject("Contact", "Title", "no id"),
                        sObject("Contact", "id", "003-not-an-id", "Title", "x"),
                        sObject("Contact", "id", accountId, "Title", "x"),
                        sObject("Contact", "id", unknownContact, "Title", "x"),
                        sObject("Contact", "id", contactId, "AccountId", "001Sb0000000000zzz"),
                        sObject("Contact", "id", contactId, "AccountId", contactId),
                        sObject("Contact", "id", contactId, "LastName", ""),
                        sObject("Widget__x", "id", contactId)))
                .statusCode(200).extract().response();

        assertThat(response.<List<Boolean>>path("success"))
                .containsExactly(true, false, false, false, false, false, false, false, false);
        assertThat(response.<List<String>>path("errors.statusCode.flatten()")).containsExactly(
                "MISSING_ARGUMENT", "MALFORMED_ID", "MALFORMED_ID", "INVALID_CROSS_REFERENCE_KEY",
                "INVALID_CROSS_REFERENCE_KEY", "MALFORMED_ID", "REQUIRED_FIELD_MISSING", "INVALID_TYPE");
        assertThat(response.<String>path("[1].errors[0].message")).isEqualTo("Id not specified in an update call");
        assertThat(response.<String>path("[3].errors[0].message"))
                .isEqualTo("Contact ID: id value of incorrect type: " + accountId);
        assertThat(response.<List<String>>path("[5].errors[0].fields")).containsExactly("AccountId");
        assertThat(response.<Map<String, Object>>path("[1]")).doesNotContainKey("id");
        assertThat(sandboxSObjects("globex", "Contact")).singleElement()
                .satisfies(c -> assertThat(c).containsEntry("Title", "CTO").containsEntry("LastName", "Lee")
                        .doesNotContainKey("AccountId"));
    }

    @Test
    void allOrNoneRollsTheWholeUpdateBack() {
        String contactId = createSalesforce("globex", "Contact", "gr_1", "LastName", "Lee");

        salesforceUpdate("globex", true, List.of(
                        sObject("Contact", "id", contactId, "Title", "CTO"),
                        sObject("Contact", "id", contactId, "Email", "not-an-address")))
                .statusCode(200)
                .body("success", Matchers.contains(false, false))
                .body("[0].errors[0].statusCode", Matchers.equalTo("ALL_OR_NONE_OPERATION_ROLLED_BACK"))
                .body("[1].errors[0].statusCode", Matchers.equalTo("INVALID_EMAIL_ADDRESS"));

        assertThat(sandboxSObjects("globex", "Contact").get(0)).doesNotContainKey("Title");
    }

    @Test
    void requestLevelErrorsUseSalesforceErrorArrays() {
        salesforceUpdate("globex", false, List.of()).statusCode(200).body("$", Matchers.empty());
        crm().body("{\"allOrNone\":false}").patch("/globex" + SF + "/composite/sobjects").then().statusCode(400)
                .body("[0].errorCode", Matchers.equalTo("JSON_PARSER_ERROR"));
        salesforceUpdate("globex", false, java.util.Collections.nCopies(201, sObject("Contact", "id", "x")))
                .statusCode(400).body("[0].errorCode", Matchers.equalTo("EXCEEDED_ID_LIMIT"));
        given().contentType("application/json").body(Map.of("records", List.of()))
                .patch("/globex" + SF + "/composite/sobjects").then().statusCode(401)
                .body("[0].errorCode", Matchers.equalTo("INVALID_SESSION_ID"));
    }
}
