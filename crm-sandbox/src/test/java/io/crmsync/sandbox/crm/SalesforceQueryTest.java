package io.crmsync.sandbox.crm;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** SOQL subset: {@code GET /services/data/vNN.N/query?q=SELECT … FROM … WHERE … IN (…) | = …}. */
@QuarkusTest
class SalesforceQueryTest extends SandboxTestSupport {

    @Test
    void selectsTheFieldsAskedForOfTheRecordsWhoseValueIsListed() {
        String lee = createSalesforce("globex", "Contact", "gr_1", "LastName", "Lee", "Email", "lee@example.com");
        createSalesforce("globex", "Contact", "gr_2", "LastName", "Kim");
        String quoted = createSalesforce("globex", "Contact", "o'brien", "LastName", "O'Brien");

        Response response = soql("globex",
                "select Id, crmsync_key__c, LastName from contact where CrmSync_Key__c in ('GR_1', 'o\\'brien', 'gr_9')")
                .statusCode(200)
                .header("Sforce-Limit-Info", Matchers.startsWith("api-usage="))
                .extract().response();

        assertThat(response.<Integer>path("totalSize")).isEqualTo(2);
        assertThat(response.<Boolean>path("done")).isTrue();
        assertThat(response.<List<String>>path("records.Id")).containsExactly(lee, quoted);
        assertThat(response.<Map<String, Object>>path("records[0]"))
                .containsOnlyKeys("attributes", "Id", "CrmSync_Key__c", "LastName")
                .containsEntry("CrmSync_Key__c", "gr_1");
        assertThat(response.<Map<String, Object>>path("records[0].attributes")).isEqualTo(Map.of(
                "type", "Contact", "url", SF + "/sobjects/Contact/" + lee));
        assertThat(response.<String>path("records[1].LastName")).isEqualTo("O'Brien");
        given().get("/_sandbox/stats").then()
                .body("accounts.globex.requests.byEndpoint.'GET /services/data/v60.0/query'", Matchers.equalTo(1));
    }

    @Test
    void equalsMatchesOneValueAndUnsetFieldsAreNull() {
        String id = createSalesforce("globex", "Account", "c-1", "Name", "Globex");

        soql("globex", "SELECT Id, Website FROM Account WHERE Id = '" + id + "'").statusCode(200)
                .body("totalSize", Matchers.equalTo(1))
                .body("records[0].Id", Matchers.equalTo(id))
                .body("records[0]", Matchers.hasKey("Website"))
                .body("records[0].Website", Matchers.nullValue());
        soql("globex", "SELECT Id FROM Account WHERE Name = 'nobody'").statusCode(200)
                .body("totalSize", Matchers.equalTo(0)).body("records", Matchers.empty());
    }

    @Test
    void anythingOutsideTheSubsetIsAMalformedQuery() {
        for (String query : List.of("SELECT Id FRM Contact", "SELECT FROM Contact", "SELECT Id FROM Contact LIMIT 5",
                "SELECT Id FROM Contact WHERE LastName LIKE 'L%'", "SELECT Id FROM Contact WHERE LastName IN ('a'",
                "SELECT Id FROM Contact WHERE LastName = 'unterminated", "SELECT Id, Id FROM Contact")) {
            soql("globex", query).statusCode(400)
                    .body("[0].errorCode", Matchers.equalTo("MALFORMED_QUERY"))
                    .body("[0].message", Matchers.containsString("ERROR at Row:1:Column:"));
        }
        soql("globex", "SELECT Id FRM Contact").body("[0].message", Matchers.endsWith("unexpected token: FRM"));
        crm().get("/globex" + SF + "/query").then().statusCode(400)
                .body("[0].errorCode", Matchers.equalTo("MALFORMED_QUERY"))
                .body("[0].message", Matchers.equalTo("A query string has to be specified"));
    }

    @Test
    void unknownSObjectsAndFieldsAreRefusedAsSalesforceDoes() {
        soql("globex", "SELECT Id FROM Widget").statusCode(400)
                .body("[0].errorCode", Matchers.equalTo("INVALID_TYPE"))
                .body("[0].message", Matchers.containsString("sObject type 'Widget' is not supported"));
        soql("globex", "SELECT Id, Shoe_Size FROM Contact").statusCode(400)
                .body("[0].errorCode", Matchers.equalTo("INVALID_FIELD"))
                .body("[0].message", Matchers.containsString("No such column 'Shoe_Size' on entity 'Contact'"))
                .body("[0].message", Matchers.containsString("ERROR at Row:1:Column:12"));
        // Custom fields exist once defined; the sandbox takes any …__c name as defined.
        soql("globex", "SELECT Id, Shoe_Size__c FROM Contact").statusCode(200);
        given().queryParam("q", "SELECT Id FROM Contact").get("/globex" + SF + "/query").then().statusCode(401)
                .body("[0].errorCode", Matchers.equalTo("INVALID_SESSION_ID"));
    }
}
