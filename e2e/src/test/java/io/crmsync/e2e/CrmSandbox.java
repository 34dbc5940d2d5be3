package io.crmsync.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;

/** The CRM sandbox's inspection and fault API (never counted in its stats). */
final class CrmSandbox {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;

    CrmSandbox(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** HubSpot records of an account: {@code [{id, properties, associations}]}. */
    List<JsonNode> hubSpot(String account, String objectType) {
        return array("/_sandbox/hubspot/" + account + "/objects/" + objectType);
    }

    /** Salesforce records of an account, fields as written. */
    List<JsonNode> salesforce(String account, String sObject) {
        return array("/_sandbox/salesforce/" + account + "/sobjects/" + sObject);
    }

    /** The account's stats: {@code {requests: {total, byStatus, byEndpoint}, records, automationsFired}}. */
    JsonNode stats(String account) {
        return read(given().baseUri(baseUrl).get("/_sandbox/stats").then().statusCode(200).extract().asString())
                .path("accounts").path(account);
    }

    int requests(String account) {
        return stats(account).path("requests").path("total").asInt(0);
    }

    int requestsWithStatus(String account, int status) {
        return stats(account).path("requests").path("byStatus").path(Integer.toString(status)).asInt(0);
    }

    int automationsFired(String account) {
        return stats(account).path("automationsFired").asInt(0);
    }

    /** {@code POST /_sandbox/faults} with a body such as {@code {"account":"acme","mode":"outage"}}. */
    void fault(String body) {
        given().baseUri(baseUrl).contentType("application/json").body(body).post("/_sandbox/faults")
                .then().statusCode(204);
    }

    void fault(String account, String mode) {
        fault("{\"account\":\"" + account + "\",\"mode\":\"" + mode + "\"}");
    }

    private List<JsonNode> array(String path) {
        List<JsonNode> all = new ArrayList<>();
        read(given().baseUri(baseUrl).get(path).then().statusCode(200).extract().asString()).forEach(all::add);
        return all;
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
