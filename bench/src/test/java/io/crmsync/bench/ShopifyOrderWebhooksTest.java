package io.crmsync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShopifyOrderWebhooksTest {

    @Test
    void bodyIsAnOrderOfExactlyTheRequestedSize() throws Exception {
        ShopifyOrderWebhooks webhooks = new ShopifyOrderWebhooks("acme-shopify", "secret", 2048);

        ShopifyOrderWebhooks.SignedWebhook webhook = webhooks.order(1234567L);
        JsonNode order = new ObjectMapper().readTree(webhook.body());

        assertThat(webhook.body()).hasSize(2048);
        assertThat(order.get("id").asLong()).isEqualTo(1234567L);
        assertThat(order.get("line_items")).hasSize(2);
        assertThat(webhook.topic()).isEqualTo("orders/create");
    }

    @Test
    void eachDeliveryHasItsOwnEventId() {
        ShopifyOrderWebhooks webhooks = new ShopifyOrderWebhooks("acme-shopify", "secret", 1024);

        assertThat(webhooks.order(1).eventId()).isNotEqualTo(webhooks.order(1).eventId());
    }

    @Test
    void signatureIsShopifysHmacOfTheRawBody() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        ShopifyOrderWebhooks webhooks = new ShopifyOrderWebhooks("s", "Jefe", 1024);

        String hmac = webhooks.sign("what do ya want for nothing?".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        assertThat(java.util.HexFormat.of().formatHex(java.util.Base64.getDecoder().decode(hmac)))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void refusesASizeBelowTheSmallestOrder() {
        ShopifyOrderWebhooks webhooks = new ShopifyOrderWebhooks("acme-shopify", "secret", 100);

        assertThatThrownBy(() -> webhooks.order(1)).hasMessageContaining("--size 100");
    }
}
