package io.crmsync.reconciler.replay;

import io.crmsync.contract.EventCodec;
import io.crmsync.contract.EventType;
import io.crmsync.contract.Topics;
import io.crmsync.contract.webhook.WebhookReceived;
import io.crmsync.reconciler.SimulatorClient;
import io.crmsync.testkit.CrmSyncTestResource;
import io.crmsync.testkit.JwtTokens;
import io.crmsync.testkit.TestTenants;
import io.crmsync.testkit.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Replays against the real storefront simulator and broker. */
@QuarkusTest
@WithTestResource(value = CrmSyncTestResource.class, initArgs = @ResourceArg(name = "apps", value = "storefront-simulator,crm-sandbox"))
class ReplayTest {

    private static final String STORE = TestTenants.ACME_SHOPIFY;

    @ConfigProperty(name = "crmsync.test.storefront-simulator-url")
    String simulatorUrl;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final EventCodec codec = new EventCodec();

    @BeforeEach
    void storeWithTwoOrders() {
        SimulatorClient simulator = new SimulatorClient(simulatorUrl);
        simulator.fault(STORE, "none");
        simulator.clear(STORE);
        simulator.putOrderSilently(STORE, "8301", SimulatorClient.order("8301", "2026-02-01T10:00:00-05:00"));
        simulator.putOrderSilently(STORE, "8302", SimulatorClient.order("8302", "2026-02-02T10:00:00-05:00"));
    }

    @Test
    void oneObjectIsPublishedAgainWithTheReplayOrigin() {
        try (TopicProbe probe = TopicProbe.open(bootstrapServers, Topics.WEBHOOK_RECEIVED)) {
            given().auth().oauth2(JwtTokens.operator()).contentType("application/json")
                    .body("{\"tenant\":\"acme\",\"storeId\":\"" + STORE + "\",\"objectType\":\"order\",\"objectId\":\"8302\","
                            + "\"from\":\"2020-01-01T00:00:00Z\"}")
                    .post("/admin/replays").then().statusCode(200).body("published", org.hamcrest.Matchers.equalTo(1));
            List<TopicProbe.Received> records = probe.await(2, Duration.ofSeconds(3));
            assertThat(records).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("acme/acme-shopify/order/8302");
                assertThat(r.headers()).containsEntry("ce_origin", "replay");
                WebhookReceived data = codec.decode(EventType.WEBHOOK_RECEIVED, r.value());
                assertThat(data.delivery().id()).startsWith("replay:");
                assertThat(data.delivery().stable()).isFalse();
            });
        }
    }

    @Test
    void oneShopifyCustomerIsPublishedAgainByIdAsItsWebhook() {
        SimulatorClient simulator = new SimulatorClient(simulatorUrl);
        simulator.putSilently(STORE, "customers", "8311", SimulatorClient.shopifyCustomer("8311", "2026-02-01T10:00:00-05:00"));
        simulator.putSilently(STORE, "customers", "8312", SimulatorClient.shopifyCustomer("8312", "2026-02-01T10:00:00-05:00"));
        try (TopicProbe probe = TopicProbe.open(bootstrapServers, Topics.WEBHOOK_RECEIVED)) {
            given().auth().oauth2(JwtTokens.operator()).contentType("application/json")
                    .body("{\"tenant\":\"acme\",\"storeId\":\"" + STORE + "\",\"objectType\":\"customer\",\"objectId\":\"8311\","
                            + "\"from\":\"2020-01-01T00:00:00Z\"}")
                    .post("/admin/replays").then().statusCode(200).body("published", org.hamcrest.Matchers.equalTo(1))
                    .body("failures", org.hamcrest.Matchers.empty());
            assertThat(probe.await(2, Duration.ofSeconds(3))).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("acme/acme-shopify/customer/8311");
                assertThat(r.headers()).containsEntry("ce_origin", "replay");
                WebhookReceived data = codec.decode(EventType.WEBHOOK_RECEIVED, r.value());
                assertThat(data.topic()).isEqualTo("customers/update");
                assertThat(data.objectType()).isEqualTo("customer");
                assertThat(data.payload().path("email").asText()).isEqualTo("customer8311@example.com");
                assertThat(data.delivery().id()).startsWith("replay:");
            });
        }
    }

    @Test
    void aTimeRangeOfAStoreIsPublishedAgainAndAnUnboundedOneObjectReplayIsRefused() {
        try (TopicProbe probe = TopicProbe.open(bootstrapServers, Topics.WEBHOOK_RECEIVED)) {
            given().auth().oauth2(JwtTokens.operator()).contentType("application/json")
                    .body("{\"tenant\":\"acme\",\"storeId\":\"" + STORE + "\",\"from\":\"2020-01-01T00:00:00Z\"}")
                    .post("/admin/replays").then().statusCode(200);
            assertThat(probe.await(2, Duration.ofSeconds(10))).extracting(TopicProbe.Received::key)
                    .contains("acme/acme-shopify/order/8301", "acme/acme-shopify/order/8302");
        }
        given().auth().oauth2(JwtTokens.operator()).contentType("application/json")
                .body("{\"tenant\":\"acme\",\"objectId\":\"8302\",\"from\":\"2020-01-01T00:00:00Z\"}")
                .post("/admin/replays").then().statusCode(400);
        given().auth().oauth2(JwtTokens.viewer()).contentType("application/json")
                .body("{\"tenant\":\"acme\",\"from\":\"2020-01-01T00:00:00Z\"}")
                .post("/admin/replays").then().statusCode(403);
    }
}
