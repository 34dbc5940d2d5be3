package io.crmsync.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The versioning rule, checked: a consumer built against v1.0 validates with the schemas it
 * shipped with (frozen under {@code src/test/resources/compat/v1.0/schemas}, never edited), so
 * every payload today's producers write, with every field added since, must still pass them;
 * and payloads written by v1.0 producers (frozen under {@code compat/v1.0/payloads}) must still
 * decode today. A change that fails here is breaking and needs a {@code .v2}.
 */
class CompatibilityTest {

    private static final String V1_0 = "compat/v1.0/";
    private static final JsonSchemaFactory V1_0_SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(m -> m.mapPrefix(EventType.schemaBase(), "classpath:" + V1_0 + "schemas/")));

    private final EventCodec codec = new EventCodec();

    /** Today's producers' output for every type that existed in v1.0, with every optional field set. */
    private static Map<EventType<?>, Object> currentPayloads() {
        Map<EventType<?>, Object> payloads = new LinkedHashMap<>();
        payloads.put(EventType.WEBHOOK_RECEIVED, SampleEvents.webhook());
        payloads.put(EventType.ORDER_NORMALIZED, SampleEvents.b2bOrder());
        payloads.put(EventType.CUSTOMER_NORMALIZED, SampleEvents.b2bOrder().customer());
        payloads.put(EventType.DEAL_UPSERT, SampleEvents.deal());
        payloads.put(EventType.CONTACT_UPSERT, SampleEvents.contact());
        return payloads;
    }

    @Test
    void aV1_0ConsumerAcceptsEveryPayloadTodaysProducersWrite() {
        currentPayloads().forEach((type, data) -> {
            JsonNode written = EventCodec.parse(encode(type, data));
            Set<ValidationMessage> errors = v1_0Schema(type).validate(written);
            assertThat(errors).as("%s as a v1.0 consumer validates it", type.name()).isEmpty();
        });
    }

    @Test
    void payloadsWrittenByV1_0ProducersStillDecode() throws IOException {
        for (EventType<?> type : currentPayloads().keySet()) {
            byte[] frozen = resource(V1_0 + "payloads/" + type.name() + ".json");
            assertThat(codec.decode(type, frozen)).as(type.name()).isNotNull();
        }
    }

    @SuppressWarnings("unchecked")
    private <T> byte[] encode(EventType<T> type, Object data) {
        return codec.encode(type, (T) data);
    }

    private static JsonSchema v1_0Schema(EventType<?> type) {
        return V1_0_SCHEMAS.getSchema(SchemaLocation.of(type.dataSchema()));
    }

    private byte[] resource(String path) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }
}
