package io.crmsync.sandbox.crm.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.sandbox.crm.service.HubSpotAssociationInput;
import io.crmsync.sandbox.crm.service.HubSpotUpsertInput;
import io.crmsync.sandbox.crm.service.RequestRejected;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns HubSpot request bodies into service inputs. Only the structure is checked here (a body
 * HubSpot could not even deserialize is a 400); what HubSpot rejects per input is left to the service.
 */
final class HubSpotRequests {

    private HubSpotRequests() {
    }

    static List<HubSpotUpsertInput> upsertInputs(JsonNode body) {
        List<HubSpotUpsertInput> inputs = new ArrayList<>();
        for (JsonNode input : inputs(body)) {
            JsonNode properties = input.get("properties");
            if (properties != null && !properties.isNull() && !properties.isObject()) {
                throw RequestRejected.validation("Invalid input JSON: \"properties\" must be an object");
            }
            Map<String, JsonNode> values = new LinkedHashMap<>();
            if (properties != null && properties.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    values.put(field.getKey(), field.getValue());
                }
            }
            inputs.add(new HubSpotUpsertInput(JsonBodies.text(input, "id"), JsonBodies.text(input, "idProperty"),
                    values, JsonBodies.text(input, "objectWriteTraceId")));
        }
        return inputs;
    }

    static List<String> readIds(JsonNode body) {
        List<String> ids = new ArrayList<>();
        for (JsonNode input : inputs(body)) {
            ids.add(JsonBodies.text(input, "id"));
        }
        return ids;
    }

    static List<String> stringList(JsonNode body, String field) {
        JsonNode values = body.get(field);
        List<String> list = new ArrayList<>();
        if (values != null && values.isArray()) {
            values.forEach(value -> list.add(value.asText()));
        }
        return list;
    }

    static List<HubSpotAssociationInput> associationInputs(JsonNode body) {
        List<HubSpotAssociationInput> inputs = new ArrayList<>();
        for (JsonNode input : inputs(body)) {
            inputs.add(new HubSpotAssociationInput(
                    JsonBodies.text(input.path("from"), "id"), JsonBodies.text(input.path("to"), "id")));
        }
        return inputs;
    }

    private static List<JsonNode> inputs(JsonNode body) {
        JsonNode inputs = body.isObject() ? body.get("inputs") : null;
        if (inputs == null || !inputs.isArray()) {
            throw RequestRejected.validation("Invalid input JSON: \"inputs\" is required and must be an array");
        }
        List<JsonNode> list = new ArrayList<>();
        for (JsonNode input : inputs) {
            if (!input.isObject()) {
                throw RequestRejected.validation("Invalid input JSON: every element of \"inputs\" must be an object");
            }
            list.add(input);
        }
        return list;
    }
}
