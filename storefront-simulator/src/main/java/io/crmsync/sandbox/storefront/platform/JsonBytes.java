package io.crmsync.sandbox.storefront.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Serialises JSON the way it goes on the wire: the bytes that are sent are the bytes that are signed. */
public final class JsonBytes {

    private JsonBytes() {
    }

    public static byte[] of(ObjectMapper mapper, JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree cannot fail to serialise", e);
        }
    }
}
