package io.crmsync.ingress.platform;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.crmsync.contract.EventCodec;

import java.io.IOException;
import java.util.Optional;

/** Strict JSON reading of delivery bodies and the id fields platforms put in them. */
public final class JsonBodies {

    private static final ObjectReader READER = EventCodec.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonBodies() {
    }

    /** The body as a JSON object. */
    public static JsonNode object(byte[] body) {
        JsonNode tree;
        try {
            tree = READER.readTree(body);
        } catch (IOException e) {
            throw new MalformedDeliveryException(MalformedDeliveryException.Reason.MALFORMED_BODY, "body is not JSON");
        }
        if (tree == null || !tree.isObject()) {
            throw new MalformedDeliveryException(MalformedDeliveryException.Reason.MALFORMED_BODY, "body is not a JSON object");
        }
        return tree;
    }

    /** An id written as an integer or a non-blank string; platforms use both. */
    public static Optional<String> id(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Optional.empty();
        }
        if (node.isIntegralNumber()) {
            return Optional.of(node.asText());
        }
        if (node.isTextual() && !node.asText().isBlank()) {
            return Optional.of(node.asText().strip());
        }
        return Optional.empty();
    }

    public static String requireId(JsonNode node, String where) {
        return id(node).orElseThrow(() ->
                new MalformedDeliveryException(MalformedDeliveryException.Reason.MISSING_ID, "no object id at " + where));
    }
}
