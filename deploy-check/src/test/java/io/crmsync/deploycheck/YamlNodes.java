package io.crmsync.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;

/** Expected values as JSON trees, to compare with rendered objects. */
final class YamlNodes {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private YamlNodes() {
    }

    static JsonNode of(Map<String, ?> value) {
        return MAPPER.valueToTree(value);
    }
}
