package io.crmsync.writer;

import io.crmsync.contract.command.AssociationRef;
import io.crmsync.contract.command.CrmRecordMerge;
import io.crmsync.contract.command.CrmRecordUpsert;
import io.crmsync.contract.command.SyncMode;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.testkit.TestTenants;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.crmsync.writer.WriterTestSupport.sandbox;

/**
 * Commands for tenant globex (Salesforce, sandbox account globex) as the dedup-service writes them,
 * and read access to the CRM sandbox's Salesforce state for that account.
 */
final class SalesforceTestSupport {

    static final String GLOBEX = TestTenants.GLOBEX;
    /** test-tenants.yaml's crm.credentials.accessToken of globex. */
    static final String GLOBEX_TOKEN = "test-globex-salesforce-token";
    static final String SOAP = "POST /services/Soap/u/60.0";

    private SalesforceTestSupport() {
    }

    static CrmRecordUpsert contact(String key, Map<String, String> fields, AssociationRef... associations) {
        return new CrmRecordUpsert("cmd-" + UUID.randomUUID(), GLOBEX, CrmRecordUpsert.CONTACT, key, fields,
                List.of(associations), SyncMode.LIVE, new SourceRef("bigcommerce", TestTenants.GLOBEX_BC, "customer", key),
                Instant.now().minusSeconds(5));
    }

    static CrmRecordUpsert contact(String key, String firstName) {
        return contact(key, Map.of("email", key + "@example.com", "firstName", firstName, "lastName", "Tester"));
    }

    static CrmRecordUpsert company(String key, String name) {
        return new CrmRecordUpsert("cmd-" + UUID.randomUUID(), GLOBEX, CrmRecordUpsert.COMPANY, key,
                Map.of("name", name, "domain", key + ".example", "countryCode", "DE", "city", "Berlin"), List.of(),
                SyncMode.LIVE, null, Instant.now().minusSeconds(5));
    }

    /** An opportunity for a new order of globex-bc, associated with the given records. */
    static CrmRecordUpsert deal(SyncMode mode, String amount, AssociationRef... associations) {
        String orderId = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
        String orderRef = TestTenants.GLOBEX_BC + ":" + orderId;
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("orderRef", orderRef);
        fields.put("name", "Order #" + orderId + " — globex-bc");
        fields.put("amount", amount);
        fields.put("currency", "EUR");
        fields.put("status", "paid");
        fields.put("createdAt", "2026-02-27T23:30:00Z");
        return new CrmRecordUpsert("cmd-" + UUID.randomUUID(), GLOBEX, CrmRecordUpsert.DEAL, orderRef, fields,
                List.of(associations), mode, new SourceRef("bigcommerce", TestTenants.GLOBEX_BC, "order", orderId),
                Instant.now().minusSeconds(5));
    }

    static AssociationRef to(String crmObjectType, String recordKey) {
        return new AssociationRef(crmObjectType, recordKey);
    }

    static CrmRecordMerge merge(String crmObjectType, String survivingKey, String mergedKey) {
        return new CrmRecordMerge("cmd-" + UUID.randomUUID(), GLOBEX, crmObjectType, survivingKey, mergedKey,
                "merge-" + UUID.randomUUID(), "same-email");
    }

    /** The sandbox's live records of an sObject of account globex; decimals kept exact. */
    static List<Map<String, Object>> sObjects(String sObject) {
        String body = RestAssured.given().baseUri(sandbox()).get("/_sandbox/salesforce/globex/sobjects/" + sObject)
                .then().statusCode(200).extract().asString();
        return new JsonPath(body).using(JsonPathConfig.jsonPathConfig()
                .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)).getList("$");
    }

    static Optional<Map<String, Object>> sObjectWith(String sObject, String field, String value) {
        return sObjects(sObject).stream().filter(r -> value.equals(r.get(field))).findFirst();
    }

    static List<Map<String, Object>> sObjectsWith(String sObject, String field, String value) {
        return sObjects(sObject).stream().filter(r -> value.equals(r.get(field))).toList();
    }

    static int globexRequestsTo(String endpoint) {
        Integer count = WriterTestSupport.stats().get("accounts.globex.requests.byEndpoint.'" + endpoint + "'");
        return count == null ? 0 : count;
    }

    static int globexRequestsWithStatus(int status) {
        Integer count = WriterTestSupport.stats().get("accounts.globex.requests.byStatus.'" + status + "'");
        return count == null ? 0 : count;
    }

    static int globexAutomations() {
        Integer fired = WriterTestSupport.stats().get("accounts.globex.automationsFired");
        return fired == null ? 0 : fired;
    }

    static void globexFault(String mode, String... extra) {
        String body = "{\"account\":\"globex\",\"mode\":\"" + mode + "\"" + String.join("", Arrays.stream(extra)
                .map(e -> "," + e).toList()) + "}";
        RestAssured.given().baseUri(sandbox()).contentType(ContentType.JSON).body(body)
                .post("/_sandbox/faults").then().statusCode(204);
    }

    /** Merges two records directly through the sandbox's SOAP API, as an answer the writer never received. */
    static void mergeBehindTheWritersBack(String sObject, String masterId, String mergedId) {
        String envelope = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:urn=\"urn:partner.soap.sforce.com\" xmlns:urn1=\"urn:sobject.partner.soap.sforce.com\">"
                + "<soapenv:Header><urn:SessionHeader><urn:sessionId>" + GLOBEX_TOKEN + "</urn:sessionId>"
                + "</urn:SessionHeader></soapenv:Header><soapenv:Body><urn:merge><urn:request><urn:masterRecord>"
                + "<urn1:type>" + sObject + "</urn1:type><urn1:Id>" + masterId + "</urn1:Id></urn:masterRecord>"
                + "<urn:recordToMergeIds>" + mergedId + "</urn:recordToMergeIds></urn:request></urn:merge>"
                + "</soapenv:Body></soapenv:Envelope>";
        RestAssured.given().baseUri(sandbox()).contentType("text/xml; charset=utf-8").body(envelope)
                .post("/globex/services/Soap/u/60.0").then().statusCode(200);
    }
}
