package io.crmsync.normalizer.mapping;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads JSON keeping every number exactly as written: decimals become {@code BigDecimal} with
 * their scale ({@code 10.00} stays {@code 10.00}), never a {@code double}. Platform payloads are
 * read through this so money cannot pass through binary floating point.
 */
public final class ExactJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build();

    private ExactJson() {
    }

    /** @throws UncheckedIOException when the bytes are not JSON */
    public static JsonNode read(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
