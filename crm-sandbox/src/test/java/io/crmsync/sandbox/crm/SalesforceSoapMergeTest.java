package io.crmsync.sandbox.crm;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.xml.XmlPath;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The SOAP API's merge(): {@code POST /{account}/services/Soap/u/60.0} with the partner WSDL envelope. */
@QuarkusTest
class SalesforceSoapMergeTest extends SandboxTestSupport {

    private static final String SESSION = "00Dxx0000001gPL!session";

    @Test
    void mergingContactsKeepsTheMasterDeletesTheOthersAndReparentsTheirChildren() {
        String accountId = createSalesforce("globex", "Account", "c-1", "Name", "Globex");
        String master = createSalesforce("globex", "Contact", "gr_1", "LastName", "Lee", "Email", "lee@example.com");
        String merged = createSalesforce("globex", "Contact", "gr_2", "LastName", "Li", "Phone", "+4930123",
                "AccountId", accountId);
        String keptOpportunity = opportunity("o-1", master);
        String movedOpportunity = opportunity("o-2", merged);

        XmlPath answer = soap("globex", mergeEnvelope(SESSION, "Contact", master, merged)).statusCode(200)
                .contentType(Matchers.startsWith("text/xml"))
                .header("Sforce-Limit-Info", "api-usage=6/100000")
                .extract().xmlPath();

        assertThat(answer.getString("Envelope.Body.mergeResponse.result.id")).isEqualTo(master);
        assertThat(answer.getBoolean("Envelope.Body.mergeResponse.result.success")).isTrue();
        assertThat(answer.getList("Envelope.Body.mergeResponse.result.mergedRecordIds")).containsExactly(merged);
        assertThat(answer.getList("Envelope.Body.mergeResponse.result.updatedRelatedIds")).containsExactly(movedOpportunity);
        assertThat(answer.getString("Envelope.Header.LimitInfoHeader.limitInfo.current")).isEqualTo("6");

        // The master keeps its own values and does not take the merged record's.
        assertThat(sandboxSObjects("globex", "Contact")).singleElement().satisfies(contact -> assertThat(contact)
                .containsEntry("Id", master).containsEntry("LastName", "Lee").doesNotContainKeys("Phone", "AccountId"));
        assertThat(sandboxSObjects("globex", "Opportunity")).extracting(o -> o.get("Id"), o -> o.get("ContactId"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(keptOpportunity, master),
                        org.assertj.core.groups.Tuple.tuple(movedOpportunity, master));
        given().get("/_sandbox/stats").then()
                .body("accounts.globex.requests.byEndpoint.'POST /services/Soap/u/60.0'", Matchers.equalTo(1))
                .body("accounts.globex.records.Contact", Matchers.equalTo(1));
    }

    @Test
    void aMergedRecordIsDeletedForEveryLaterCall() {
        String master = createSalesforce("globex", "Account", "c-1", "Name", "Globex");
        String merged = createSalesforce("globex", "Account", "c-2", "Name", "Globex Corp");
        String contact = createSalesforce("globex", "Contact", "gr_1", "LastName", "Lee", "AccountId", merged);
        soap("globex", mergeEnvelope(SESSION, "Account", master, merged)).statusCode(200);

        assertThat(sandboxSObjects("globex", "Contact").get(0)).containsEntry("AccountId", master);
        crm().get("/globex" + SF + "/sobjects/Account/" + merged).then().statusCode(404)
                .body("[0].errorCode", Matchers.equalTo("ENTITY_IS_DELETED"))
                .body("[0].message", Matchers.equalTo("entity is deleted"));
        salesforceUpdate("globex", false, List.of(sObject("Account", "id", merged, "Name", "again"),
                        sObject("Contact", "id", contact, "AccountId", merged)))
                .statusCode(200)
                .body("errors.statusCode.flatten()", Matchers.contains("ENTITY_IS_DELETED", "ENTITY_IS_DELETED"));
        soql("globex", "SELECT Id FROM Account WHERE CrmSync_Key__c IN ('c-1', 'c-2')").statusCode(200)
                .body("records.Id", Matchers.contains(master));
        // Its external id no longer finds it: an upsert by it creates a new record.
        salesforceUpsert("globex", "Account", false, List.of(sObject("Account", "CrmSync_Key__c", "c-2", "Name", "New")))
                .statusCode(200).body("[0].created", Matchers.equalTo(true));

        XmlPath fault = soap("globex", mergeEnvelope(SESSION, "Account", master, merged)).statusCode(500)
                .extract().xmlPath();
        assertThat(fault.getString("Envelope.Body.Fault.faultcode")).isEqualTo("sf:ENTITY_IS_DELETED");
        assertThat(fault.getString("Envelope.Body.Fault.detail.UnexpectedErrorFault.exceptionCode"))
                .isEqualTo("ENTITY_IS_DELETED");
    }

    @Test
    void idsThatCannotBeMergedAreSoapFaultsAndMergeNothing() {
        String master = createSalesforce("globex", "Contact", "gr_1", "LastName", "Lee");
        String other = createSalesforce("globex", "Contact", "gr_2", "LastName", "Li");
        String account = createSalesforce("globex", "Account", "c-1", "Name", "Globex");
        String opportunity = opportunity("o-1", null);

        assertFault(mergeEnvelope(SESSION, "Contact", master, "not-an-id"), "sf:INVALID_ID_FIELD", "InvalidIdFault");
        assertFault(mergeEnvelope(SESSION, "Contact", master, account), "sf:INVALID_ID_FIELD", "InvalidIdFault");
        assertFault(mergeEnvelope(SESSION, "Contact", master, master.substring(0, 6) + "zzzzzzzzzzzz"),
                "sf:INVALID_CROSS_REFERENCE_KEY", "UnexpectedErrorFault");
        assertFault(mergeEnvelope(SESSION, "Opportunity", opportunity, opportunity), "sf:INVALID_TYPE",
                "InvalidSObjectFault");
        assertFault(mergeEnvelope(SESSION, "Widget", master, other), "sf:INVALID_TYPE", "InvalidSObjectFault");
        assertThat(sandboxSObjects("globex", "Contact")).hasSize(2);

        // Requests that are well formed but cannot be applied fail in their result.
        XmlPath self = soap("globex", mergeEnvelope(SESSION, "Contact", master, master)).statusCode(200)
                .extract().xmlPath();
        assertThat(self.getBoolean("Envelope.Body.mergeResponse.result.success")).isFalse();
        assertThat(self.getString("Envelope.Body.mergeResponse.result.errors.statusCode")).isEqualTo("INVALID_OPERATION");
        assertThat(sandboxSObjects("globex", "Contact")).hasSize(2);
    }

    @Test
    void sessionsAndFaultModesAnswerSoapFaults() {
        String master = createSalesforce("globex", "Contact", "gr_1", "LastName", "Lee");
        String merged = createSalesforce("globex", "Contact", "gr_2", "LastName", "Li");

        assertFault(mergeEnvelope(null, "Contact", master, merged), "sf:INVALID_SESSION_ID", "UnexpectedErrorFault");
        fault("{\"account\":\"globex\",\"mode\":\"auth\"}");
        assertFault(mergeEnvelope(SESSION, "Contact", master, merged), "sf:INVALID_SESSION_ID", "UnexpectedErrorFault");
        fault("{\"account\":\"globex\",\"mode\":\"outage\"}");
        soap("globex", mergeEnvelope(SESSION, "Contact", master, merged)).statusCode(503)
                .header("Sforce-Limit-Info", "api-usage=2/100000");
        fault("{\"account\":\"globex\",\"mode\":\"rate-limit\",\"requests\":1,\"perSeconds\":60}");
        createSalesforce("globex", "Contact", "gr_3", "LastName", "Kim");
        XmlPath limited = assertFault(mergeEnvelope(SESSION, "Contact", master, merged), "sf:REQUEST_LIMIT_EXCEEDED",
                "UnexpectedErrorFault");
        assertThat(limited.getString("Envelope.Body.Fault.faultstring")).startsWith("REQUEST_LIMIT_EXCEEDED: ");
        assertThat(sandboxSObjects("globex", "Contact")).hasSize(3);

        fault("{\"account\":\"globex\",\"mode\":\"none\"}");
        soap("globex", mergeEnvelope(SESSION, "Contact", master, merged)).statusCode(200);
        given().get("/_sandbox/stats").then()
                .body("accounts.globex.requests.byEndpoint.'POST /services/Soap/u/60.0'", Matchers.equalTo(5))
                .body("accounts.globex.requests.byStatus.'500'", Matchers.equalTo(3));
    }

    @Test
    void bodiesThatAreNoMergeEnvelopeAreClientFaultsAndEntitiesAreNotExpanded() {
        soap("globex", "not xml").statusCode(500)
                .body("Envelope.Body.Fault.faultcode", Matchers.equalTo("soapenv:Client"));
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>&x;"
                + "</soapenv:Body></soapenv:Envelope>";
        soap("globex", xxe).statusCode(500)
                .body("Envelope.Body.Fault.faultcode", Matchers.equalTo("soapenv:Client"))
                .body("Envelope.Body.Fault.faultstring", Matchers.not(Matchers.containsString("root:")));
        String query = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:urn=\"urn:partner.soap.sforce.com\"><soapenv:Body><urn:query><urn:queryString>SELECT Id FROM Contact"
                + "</urn:queryString></urn:query></soapenv:Body></soapenv:Envelope>";
        soap("globex", query).statusCode(500)
                .body("Envelope.Body.Fault.faultstring", Matchers.startsWith(
                        "No operation available for request {urn:partner.soap.sforce.com}query"));
    }

    private static XmlPath assertFault(String envelope, String faultcode, String detailType) {
        XmlPath fault = soap("globex", envelope).statusCode(500)
                .contentType(Matchers.startsWith("text/xml"))
                .header("Sforce-Limit-Info", Matchers.startsWith("api-usage="))
                .extract().xmlPath();
        assertThat(fault.getString("Envelope.Body.Fault.faultcode")).isEqualTo(faultcode);
        assertThat(fault.getString("Envelope.Body.Fault.detail." + detailType + ".exceptionCode"))
                .isEqualTo(faultcode.substring(3));
        return fault;
    }

    private static String opportunity(String key, String contactId) {
        return contactId == null
                ? createSalesforce("globex", "Opportunity", key, "Name", "Order " + key, "StageName", "Prospecting",
                "CloseDate", "2024-05-01")
                : createSalesforce("globex", "Opportunity", key, "Name", "Order " + key, "StageName", "Prospecting",
                "CloseDate", "2024-05-01", "ContactId", contactId);
    }
}
