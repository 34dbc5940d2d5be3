package io.crmsync.sandbox.storefront;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmsync.sandbox.storefront.platform.Signatures;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The signers against the platforms' own published vectors (read from the shared fixtures, never copied). */
class SignaturesTest {

    private static JsonNode vectors() throws Exception {
        Path file = SimTestSupport.fixtures().map(f -> f.resolve("signature_test_vectors.json"))
                .filter(p -> p.toFile().isFile()).orElse(null);
        Assumptions.assumeTrue(file != null, "shared fixtures absent: signature vectors not checked");
        return new ObjectMapper().readTree(file.toFile());
    }

    @Test
    void wooCommerceVectorWithItsEmptySecret() throws Exception {
        JsonNode v = vectors().get("woocommerce");
        assertThat(Signatures.hmacSha256Base64(v.get("secret").asText(), v.get("body").asText().getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(v.get("expected").asText());
    }

    @Test
    void standardWebhooksVectorWithAWhsecSecret() throws Exception {
        JsonNode v = vectors().get("standard_webhooks");
        assertThat(Signatures.standardWebhooksSignature(v.get("secret").asText(), v.get("webhook-id").asText(),
                v.get("webhook-timestamp").asLong(), v.get("body").asText().getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(v.get("expected").asText());
    }
}
