package io.crmsync.sandbox.crm;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Shared helpers: every test starts from an empty sandbox and talks to it over HTTP. */
public abstract class SandboxTestSupport {

    protected static final String SF = "/services/data/v60.0";

    @BeforeEach
    void resetSandbox() {
        given().post("/_sandbox/reset").then().statusCode(204);
    }

    protected static RequestSpecification crm() {
        return given().header("Authorization", "Bearer test-token").contentType(ContentType.JSON);
    }

    protected static ValidatableResponse hubspotUpsert(String account, String objectType, Object body) {
        return crm().body(body).post("/" + account + "/crm/v3/objects/" + objectType + "/batch/upsert").then();
    }

    /** One upsert input keyed by a crmsync_* property. */
    protected static Map<String, Object> input(String idProperty, String id, Map<String, ?> properties) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("idProperty", idProperty);
        input.put("id", id);
        input.put("properties", properties);
        return input;
    }

    protected static Map<String, Object> inputs(Object... inputs) {
        return Map.of("inputs", List.of(inputs));
    }

    /** Upserts one record and returns its HubSpot id. */
    protected static String createHubSpot(String account, String objectType, String idProperty, String id,
                                          Map<String, ?> properties) {
        return hubspotUpsert(account, objectType, inputs(input(idProperty, id, properties)))
                .statusCode(200)
                .extract().path("results[0].id");
    }

    protected static ValidatableResponse associate(String account, String from, String to, String fromId, String toId) {
        return crm().body(Map.of("inputs", List.of(Map.of("from", Map.of("id", fromId), "to", Map.of("id", toId)))))
                .post("/" + account + "/crm/v4/associations/" + from + "/" + to + "/batch/associate/default")
                .then();
    }

    protected static List<Map<String, Object>> sandboxObjects(String account, String objectType) {
        return given().get("/_sandbox/hubspot/" + account + "/objects/" + objectType)
                .then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    protected static List<Map<String, Object>> sandboxSObjects(String account, String sObject) {
        return given().get("/_sandbox/salesforce/" + account + "/sobjects/" + sObject)
                .then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    protected static ValidatableResponse salesforceUpsert(String account, String sObject, boolean allOrNone,
                                                          List<Map<String, Object>> records) {
        return crm().body(Map.of("allOrNone", allOrNone, "records", records))
                .patch("/" + account + SF + "/composite/sobjects/" + sObject + "/CrmSync_Key__c")
                .then();
    }

    protected static ValidatableResponse salesforceUpdate(String account, boolean allOrNone,
                                                          List<Map<String, Object>> records) {
        return crm().body(Map.of("allOrNone", allOrNone, "records", records))
                .patch("/" + account + SF + "/composite/sobjects")
                .then();
    }

    protected static ValidatableResponse soql(String account, String query) {
        return crm().queryParam("q", query).get("/" + account + SF + "/query").then();
    }

    /** Creates one record by external id {@code CrmSync_Key__c} and returns its Salesforce id. */
    protected static String createSalesforce(String account, String sObject, String key, Object... fieldsAndValues) {
        Object[] all = new Object[fieldsAndValues.length + 2];
        all[0] = "CrmSync_Key__c";
        all[1] = key;
        System.arraycopy(fieldsAndValues, 0, all, 2, fieldsAndValues.length);
        return salesforceUpsert(account, sObject, false, List.of(sObject(sObject, all)))
                .statusCode(200).body("[0].success", org.hamcrest.Matchers.equalTo(true))
                .extract().path("[0].id");
    }

    /** A partner-WSDL {@code merge} envelope, as the SOAP API documents it; a null session leaves the header out. */
    protected static String mergeEnvelope(String sessionId, String sObject, String masterId, String... mergeIds) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:urn=\"urn:partner.soap.sforce.com\" xmlns:urn1=\"urn:sobject.partner.soap.sforce.com\">");
        if (sessionId != null) {
            xml.append("<soapenv:Header><urn:SessionHeader><urn:sessionId>").append(sessionId)
                    .append("</urn:sessionId></urn:SessionHeader></soapenv:Header>");
        }
        xml.append("<soapenv:Body><urn:merge><urn:request><urn:masterRecord><urn1:type>").append(sObject)
                .append("</urn1:type><urn1:Id>").append(masterId).append("</urn1:Id></urn:masterRecord>");
        for (String id : mergeIds) {
            xml.append("<urn:recordToMergeIds>").append(id).append("</urn:recordToMergeIds>");
        }
        return xml.append("</urn:request></urn:merge></soapenv:Body></soapenv:Envelope>").toString();
    }

    protected static ValidatableResponse soap(String account, String envelope) {
        return given().contentType("text/xml; charset=UTF-8").header("SOAPAction", "\"\"").body(envelope)
                .post("/" + account + "/services/Soap/u/60.0").then();
    }

    /** A record for an sObject Collections body, attributes first as Salesforce clients send it. */
    protected static Map<String, Object> sObject(String type, Object... fieldsAndValues) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("attributes", Map.of("type", type));
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            record.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return record;
    }

    protected static void fault(String json) {
        given().contentType(ContentType.JSON).body(json).post("/_sandbox/faults").then().statusCode(204);
    }

    protected static List<Object> many(int count, java.util.function.IntFunction<Object> factory) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(factory.apply(i));
        }
        return list;
    }
}
