package io.crmsync.ingress.rest;

import io.crmsync.ingress.Fixtures;
import io.crmsync.testkit.CrmSyncTestResource;
import io.crmsync.testkit.TestTenants;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(CrmSyncTestResource.class)
@Order(3)
class WebhookMetricsTest {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)} (\\S+)", Pattern.MULTILINE);
    private static final Map<String, String> ACME_SHOPIFY = Map.of("tenant", "acme", "platform", "shopify");

    @Test
    void countsDeliveriesByTenantPlatformAndReason() {
        byte[] body = Fixtures.unwrapped(Deliveries.SHOPIFY_ORDER, "order");
        String before = metrics();

        Deliveries.post("shopify", TestTenants.ACME_SHOPIFY, Deliveries.shopifyHeaders(body, Deliveries.newEventId()), body)
                .statusCode(202);
        Deliveries.post("shopify", TestTenants.ACME_SHOPIFY, Deliveries.shopifyHeaders(body, Deliveries.newEventId(), "wrong"), body)
                .statusCode(401);
        Deliveries.post("shopify", "nobody-s-store", Deliveries.shopifyHeaders(body, Deliveries.newEventId()), body)
                .statusCode(404);

        String after = metrics();
        assertThat(delta(before, after, "crmsync_webhooks_received_total", ACME_SHOPIFY)).as(after).isEqualTo(2.0);
        assertThat(delta(before, after, "crmsync_webhooks_accepted_total", ACME_SHOPIFY)).isEqualTo(1.0);
        assertThat(delta(before, after, "crmsync_webhooks_rejected_total", with(ACME_SHOPIFY, "reason", "bad_signature"))).isEqualTo(1.0);
        assertThat(delta(before, after, "crmsync_webhooks_received_total", Map.of("tenant", "unknown", "platform", "shopify")))
                .isEqualTo(1.0);
        assertThat(delta(before, after, "crmsync_webhooks_rejected_total",
                Map.of("tenant", "unknown", "platform", "shopify", "reason", "unknown_store"))).isEqualTo(1.0);
        assertThat(delta(before, after, "crmsync_webhook_ack_seconds_count", with(ACME_SHOPIFY, "outcome", "acked"))).isEqualTo(1.0);
        assertThat(value(after, "crmsync_webhook_ack_seconds_bucket", with(with(ACME_SHOPIFY, "outcome", "acked"), "le", "+Inf")))
                .isGreaterThanOrEqualTo(1.0);
    }

    private static String metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double delta(String before, String after, String name, Map<String, String> labels) {
        return value(after, name, labels) - value(before, name, labels);
    }

    /** The value of the sample with exactly these labels, 0 when there is none yet. */
    private static double value(String exposition, String name, Map<String, String> labels) {
        Matcher m = SAMPLE.matcher(exposition);
        while (m.find()) {
            if (m.group(1).equals(name) && labels(m.group(2)).equals(labels)) {
                return Double.parseDouble(m.group(3));
            }
        }
        return 0.0;
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new HashMap<>();
        Arrays.stream(text.split(",")).filter(pair -> pair.contains("=")).forEach(pair -> {
            String[] kv = pair.split("=", 2);
            labels.put(kv[0].strip(), kv[1].strip().replaceAll("^\"|\"$", ""));
        });
        return labels;
    }

    private static Map<String, String> with(Map<String, String> labels, String key, String value) {
        Map<String, String> copy = new HashMap<>(labels);
        copy.put(key, value);
        return copy;
    }
}
