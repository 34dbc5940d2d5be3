package io.crmsync.ingress.rest;

import io.crmsync.ingress.Fixtures;
import io.crmsync.testkit.CrmSyncTestResource;
import io.crmsync.testkit.TestTenants;
import io.crmsync.testkit.TopicProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The per-tenant token bucket, on a tenant this test adds to the live registry ({@code initech},
 * configured in the test profile with a bucket of 2 that refills one token every 100 s), so the
 * other tests' tenants keep the generous defaults.
 */
@QuarkusTest
@WithTestResource(CrmSyncTestResource.class)
@Order(7)
class TenantQuotaTest {

    private static final String STORE = "initech-shopify";
    private static final String SECRET = "test-initech-shopify-secret";
    private static final String TENANT = """
              - id: initech
                liveSince: 2026-01-01
                crm:
                  kind: hubspot
                  account: initech
                  baseUrl: http://localhost:1/initech
                  credentials: { accessToken: test-initech-hubspot-token }
                stores:
                  - id: initech-shopify
                    platform: shopify
                    webhookSecret: test-initech-shopify-secret
            """;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aTenantOverItsQuotaGets429WhileOthersAreServed() {
        byte[] body = Fixtures.unwrapped(Deliveries.SHOPIFY_ORDER, "order");
        try (LiveRegistry ignored = LiveRegistry.edit(yaml -> yaml.stripTrailing() + "\n" + TENANT)) {
            // Badly signed deliveries prove nothing about their sender: they must not spend the quota.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() ->
                    post(STORE, "not-the-secret", body).statusCode() == 401);
            for (int i = 0; i < 5; i++) {
                assertThat(post(STORE, "not-the-secret", body).statusCode()).isEqualTo(401);
            }
            assertThat(post(STORE, SECRET, body).statusCode()).isEqualTo(202);
            assertThat(post(STORE, SECRET, body).statusCode()).isEqualTo(202);

            try (TopicProbe probe = TopicProbe.open(bootstrapServers, Deliveries.TOPIC)) {
                ExtractableResponse<Response> throttled = post(STORE, SECRET, body);
                assertThat(throttled.statusCode()).isEqualTo(429);
                assertThat(throttled.<String>path("error")).isEqualTo("over_quota");
                assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 100L);

                assertThat(post(TestTenants.ACME_SHOPIFY, TestTenants.ACME_SHOPIFY_SECRET, body).statusCode()).isEqualTo(202);

                // Only acme's delivery was published.
                assertThat(probe.poll(Duration.ofSeconds(2)))
                        .extracting(TopicProbe.Received::key)
                        .containsExactly("acme/acme-shopify/order/450789469");
            }
        }
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern(
                "crmsync_webhooks_rejected_total\\{[^}]*reason=\"over_quota\"[^}]*tenant=\"initech\"[^}]*} 1\\.0");
    }

    private static ExtractableResponse<Response> post(String store, String secret, byte[] body) {
        return Deliveries.post("shopify", store, Deliveries.shopifyHeaders(body, Deliveries.newEventId(), secret), body).extract();
    }
}
