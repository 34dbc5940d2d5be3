package io.crmsync.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The one way events are turned into bytes and back: JSON, validated against the event type's
 * schema in both directions, so a producer cannot emit and a consumer cannot accept data that
 * breaks the contract. Thread-safe.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            // Numbers stay exactly as written ("10.00" stays 10.00): money never passes through a double.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Additive, optional fields must not break older consumers (the versioning rule).
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(m -> m.mapPrefix(EventType.schemaBase(), "classpath:schemas/v1/")));

    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public <T> byte[] encode(EventType<T> type, T data) {
        JsonNode tree = MAPPER.valueToTree(data);
        validate(type, tree);
        try {
            return MAPPER.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new ContractViolationException("cannot serialise " + type.name(), e);
        }
    }

    public <T> T decode(EventType<T> type, byte[] bytes) {
        JsonNode tree = parse(bytes);
        validate(type, tree);
        try {
            return MAPPER.treeToValue(tree, type.dataClass());
        } catch (JsonProcessingException e) {
            throw new ContractViolationException(type.name() + " does not bind: " + e.getOriginalMessage(), e);
        }
    }

    public void validate(EventType<?> type, JsonNode tree) {
        Set<ValidationMessage> errors = schema(type).validate(tree);
        if (!errors.isEmpty()) {
            throw new ContractViolationException(type.name() + " violates its schema: "
                    + errors.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; ")));
        }
    }

    public static JsonNode parse(byte[] bytes) {
        try {
            JsonNode tree = MAPPER.readTree(bytes);
            if (tree == null || tree.isMissingNode()) {
                throw new ContractViolationException("empty JSON document");
            }
            return tree;
        } catch (IOException e) {
            throw new ContractViolationException("not JSON: " + e.getMessage(), e);
        }
    }

    private JsonSchema schema(EventType<?> type) {
        return schemas.computeIfAbsent(type.schemaFile(),
                file -> FACTORY.getSchema(SchemaLocation.of(type.dataSchema())));
    }
}
