package io.crmsync.sandbox.crm.rest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmsync.sandbox.crm.service.RequestRejected;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Parses request bodies by hand rather than letting the framework bind them, so a malformed body
 * is answered in the CRM's own error format and still counted as a CRM request.
 */
@ApplicationScoped
public class JsonBodies {

    private final ObjectMapper json;

    public JsonBodies(ObjectMapper json) {
        this.json = json;
    }

    public JsonNode parse(String body) {
        return parse(body, false);
    }

    /**
     * Keeps decimals exactly as sent (BigDecimal, not double), so the stored record shows the number
     * the client put on the wire: a client that sends 12345678901234567.89 finds exactly that.
     */
    public JsonNode parseExact(String body) {
        return parse(body, true);
    }

    private JsonNode parse(String body, boolean exactDecimals) {
        if (body == null || body.isBlank()) {
            throw RequestRejected.validation("JSON_PARSER_ERROR", "Invalid JSON input: a request body was expected, but none found");
        }
        try {
            return exactDecimals
                    ? json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(body)
                    : json.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            String where = location == null ? "" : " on line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw RequestRejected.validation("JSON_PARSER_ERROR", "Invalid input JSON" + where + ": " + withoutSource(e.getOriginalMessage()));
        }
    }

    /** Jackson appends where a bracket opened, naming a redacted source; the line and column already say enough. */
    private static String withoutSource(String message) {
        int marker = message.indexOf(" (start marker at");
        return marker < 0 ? message : message.substring(0, marker);
    }

    /** The text of a scalar field, or null when it is absent, null or not a scalar. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
    }
}
