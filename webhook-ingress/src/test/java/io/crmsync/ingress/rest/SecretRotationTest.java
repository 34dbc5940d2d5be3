package io.crmsync.ingress.rest;

import io.crmsync.ingress.Fixtures;
import io.crmsync.testkit.CrmSyncTestResource;
import io.crmsync.testkit.TestTenants;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A secret rotation as operators do it: the registry file changes, the running service follows. */
@QuarkusTest
@WithTestResource(CrmSyncTestResource.class)
@Order(4)
class SecretRotationTest {

    private static final String NEW_SECRET = "test-acme-shopify-rotated-secret";

    @ConfigProperty(name = "crmsync.tenants.file")
    Path registry;

    @Test
    void acceptsThePreviousSecretWhileTheStoreRotates() throws Exception {
        byte[] body = Fixtures.unwrapped(Deliveries.SHOPIFY_ORDER, "order");
        String original = Files.readString(registry);
        String rotated = original.replace("webhookSecret: " + TestTenants.ACME_SHOPIFY_SECRET,
                "webhookSecret: " + NEW_SECRET + "\n        previousWebhookSecret: " + TestTenants.ACME_SHOPIFY_SECRET);
        assertThat(rotated).isNotEqualTo(original);
        try {
            Files.writeString(registry, rotated);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                    status(body, NEW_SECRET) == 202);
            assertThat(status(body, TestTenants.ACME_SHOPIFY_SECRET)).isEqualTo(202);
            assertThat(status(body, "test-acme-shopify-some-other-secret")).isEqualTo(401);
        } finally {
            Files.writeString(registry, original);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                    status(body, NEW_SECRET) == 401);
        }
        assertThat(status(body, TestTenants.ACME_SHOPIFY_SECRET)).isEqualTo(202);
    }

    private static int status(byte[] body, String secret) {
        return Deliveries.post("shopify", TestTenants.ACME_SHOPIFY, Deliveries.shopifyHeaders(body, Deliveries.newEventId(), secret), body)
                .extract().statusCode();
    }
}
