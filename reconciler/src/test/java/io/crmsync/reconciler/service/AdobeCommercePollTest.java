package io.crmsync.reconciler.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.contract.EventCodec;
import io.crmsync.contract.EventType;
import io.crmsync.contract.Topics;
import io.crmsync.contract.webhook.WebhookReceived;
import io.crmsync.reconciler.SimulatorClient;
import io.crmsync.reconciler.repository.PollCursorRepository;
import io.crmsync.testkit.CrmSyncTestResource;
import io.crmsync.testkit.JwtTokens;
import io.crmsync.testkit.TestTenants;
import io.crmsync.testkit.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Adobe Commerce poller against the real storefront simulator, broker and database: what a
 * cycle publishes for objects the store never announced, how it pages (page size 3 in %test), and
 * where it leaves the cursors.
 */
@QuarkusTest
@WithTestResource(value = CrmSyncTestResource.class, initArgs = @ResourceArg(name = "apps", value = "storefront-simulator,crm-sandbox"))
class AdobeCommercePollTest {

    private static final String STORE = TestTenants.ACME_ADOBE;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "crmsync.test.storefront-simulator-url")
    String simulatorUrl;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @Inject
    PollCursorRepository cursors;

    private final EventCodec codec = new EventCodec();
    private SimulatorClient simulator;

    @BeforeEach
    void emptyStore() {
        simulator = new SimulatorClient(simulatorUrl);
        simulator.fault(STORE, "none");
        simulator.clear(STORE);
        QuarkusTransaction.requiringNew().run(() -> cursors.delete("storeId", STORE));
    }

    /** Emptied afterwards too: other classes' cycles poll every store and must not see these objects. */
    @AfterEach
    void noFaultNoObjects() {
        simulator.fault(STORE, "none");
        simulator.clear(STORE);
    }

    @Test
    void silentlyStoredOrdersCustomersAndProductsArePublishedAsAdobeEventsThePageAfterTheEndIsNeverRead() {
        List<String> orders = List.of("101", "102", "103", "104", "105", "106");
        orders.forEach(id -> simulator.putSilently(STORE, "orders", id, SimulatorClient.adobeOrder(id, "2026-02-01 10:00:00")));
        simulator.putSilently(STORE, "orders", "100", SimulatorClient.adobeOrder("100", "2025-11-20 09:30:00"));
        simulator.putSilently(STORE, "customers", "7", """
                {"email": "Zoe@Example.com", "firstname": "Zoë", "lastname": "Müller", "created_at": "2026-01-15 08:00:00",
                 "default_billing": "3", "addresses": [{"id": 3, "firstname": "Zoë", "lastname": "Müller",
                 "street": ["Hauptstraße 1"], "city": "Berlin", "postcode": "10115", "country_id": "DE",
                 "telephone": "030 1234567", "region": {"region_code": "BE", "region": "Berlin", "region_id": 82}}]}
                """);
        simulator.putSilently(STORE, "products", "9", """
                {"sku": "MUG-BLUE", "name": "Mug", "price": 12.5, "status": 1, "type_id": "simple",
                 "created_at": "2026-01-10 12:00:00"}
                """);

        List<TopicProbe.Received> records;
        try (TopicProbe probe = TopicProbe.open(bootstrapServers, Topics.WEBHOOK_RECEIVED)) {
            JsonPath cycle = poll();
            // 7 orders over pages of 3: exactly 7, so the repeated last page of a fourth request was never read.
            assertThat(cycle.getInt(path("order", "published"))).isEqualTo(7);
            assertThat(cycle.getString(path("order", "outcome"))).isEqualTo("ok");
            assertThat(cycle.getInt(path("customer", "published"))).isEqualTo(1);
            assertThat(cycle.getInt(path("product", "published"))).isEqualTo(1);
            records = adobe(probe, 9);
        }

        Map<String, TopicProbe.Received> byKey = records.stream()
                .filter(r -> r.key().startsWith("acme/" + STORE + "/"))
                .collect(Collectors.toMap(TopicProbe.Received::key, Function.identity(), (a, b) -> a));
        assertThat(byKey).hasSize(9).containsKeys("acme/acme-adobe/order/100", "acme/acme-adobe/order/106",
                "acme/acme-adobe/customer/7", "acme/acme-adobe/product/9");
        byKey.forEach((key, record) -> assertThat(record.headers().get("ce_origin"))
                .as(key).isEqualTo(key.endsWith("/order/100") ? "backfill" : "poll"));

        WebhookReceived order = codec.decode(EventType.WEBHOOK_RECEIVED, byKey.get("acme/acme-adobe/order/104").value());
        JsonNode value = order.payload().path("data").path("value");
        assertThat(order.platform()).isEqualTo("adobe-commerce");
        assertThat(order.topic()).isEqualTo("com.adobe.commerce.observer.sales_order_save_after");
        assertThat(order.payload().path("type").asText()).isEqualTo(order.topic());
        assertThat(order.objectType()).isEqualTo("order");
        assertThat(order.delivery().id()).isEqualTo("poll:104:" + value.path("updated_at").asText())
                .isEqualTo(order.payload().path("id").asText());
        assertThat(order.delivery().stable()).isTrue();
        assertThat(value.path("entity_id").asInt()).isEqualTo(104);
        assertThat(value.path("updated_at").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        // The model's addresses[] (what the normalizer maps), built from the REST billing and shipping addresses.
        assertThat(value.path("addresses").findValuesAsText("address_type")).containsExactly("billing", "shipping");

        WebhookReceived customer = codec.decode(EventType.WEBHOOK_RECEIVED, byKey.get("acme/acme-adobe/customer/7").value());
        assertThat(customer.topic()).isEqualTo("com.adobe.commerce.observer.customer_save_after");
        assertThat(customer.payload().path("data").path("value").path("email").asText()).isEqualTo("Zoe@Example.com");
        WebhookReceived product = codec.decode(EventType.WEBHOOK_RECEIVED, byKey.get("acme/acme-adobe/product/9").value());
        assertThat(product.topic()).isEqualTo("com.adobe.commerce.observer.catalog_product_save_after");
        assertThat(product.payload().path("data").path("value").path("sku").asText()).isEqualTo("MUG-BLUE");

        assertThat(cursors.position("acme", STORE, "order")).contains(newest("orders",
                List.of("100", "101", "102", "103", "104", "105", "106")));
        assertThat(cursors.position("acme", STORE, "customer"))
                .contains(new CursorPosition(simulator.adobeUpdatedAt(STORE, "customers", "7"), "7"));
    }

    @Test
    void ordersStampedInTheSameSecondAcrossAPageBoundaryArePublishedOnceEach() {
        // Start right after a second turns, so the seven orders share one updated_at.
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(5))
                .until(() -> Instant.now().getNano() < 50_000_000);
        List<String> ids = List.of("207", "201", "206", "202", "205", "203", "204");
        ids.forEach(id -> simulator.putSilently(STORE, "orders", id, SimulatorClient.adobeOrder(id, "2026-02-01 10:00:00")));
        long stamps = ids.stream().map(id -> simulator.adobeUpdatedAt(STORE, "orders", id)).distinct().count();
        Assumptions.assumeTrue(stamps == 1, "seeding spilled into the next second; the boundary case was not set up");

        List<TopicProbe.Received> records;
        try (TopicProbe probe = TopicProbe.open(bootstrapServers, Topics.WEBHOOK_RECEIVED)) {
            assertThat(poll().getInt(path("order", "published"))).isEqualTo(7);
            records = adobe(probe, 7);
        }

        assertThat(records).extracting(TopicProbe.Received::key)
                .containsExactlyInAnyOrderElementsOf(ids.stream().map(id -> "acme/acme-adobe/order/" + id).toList());
        // Equal stamps: the cursor's tie-breaker is the highest id.
        assertThat(cursors.position("acme", STORE, "order"))
                .contains(new CursorPosition(simulator.adobeUpdatedAt(STORE, "orders", "207"), "207"));
    }

    @Test
    void aFailingStoreLeavesItsCursorsWhereTheyWere() {
        simulator.putSilently(STORE, "orders", "301", SimulatorClient.adobeOrder("301", "2026-02-01 10:00:00"));
        assertThat(poll().getString(path("order", "outcome"))).isEqualTo("ok");
        CursorPosition before = cursors.position("acme", STORE, "order").orElseThrow();
        simulator.putSilently(STORE, "orders", "302", SimulatorClient.adobeOrder("302", "2026-02-01 10:00:00"));

        simulator.fault(STORE, "api-outage");
        JsonPath outage = poll();
        assertThat(outage.getString(path("order", "outcome"))).isEqualTo("failed");
        assertThat(outage.getString(path("order", "error"))).contains("503");
        assertThat(outage.getString(path("customer", "outcome"))).isEqualTo("failed");
        assertThat(cursors.position("acme", STORE, "order")).contains(before);

        simulator.fault(STORE, "api-auth");
        JsonPath revoked = poll();
        assertThat(revoked.getString(path("order", "error"))).contains("401");
        assertThat(cursors.position("acme", STORE, "order")).contains(before);

        simulator.fault(STORE, "none");
        try (TopicProbe probe = TopicProbe.open(bootstrapServers, Topics.WEBHOOK_RECEIVED)) {
            assertThat(poll().getString(path("order", "outcome"))).isEqualTo("ok");
            assertThat(adobe(probe, 1)).extracting(TopicProbe.Received::key).contains("acme/acme-adobe/order/302");
        }
    }

    @Test
    void aRateLimitedStoreIsPolledToTheEndAfterWaitingAsRetryAfterSays() {
        List<String> ids = List.of("401", "402", "403", "404");
        ids.forEach(id -> simulator.putSilently(STORE, "orders", id, SimulatorClient.adobeOrder(id, "2026-02-01 10:00:00")));
        // One call per two seconds: the second page (and the other object types) get 429 first.
        simulator.rateLimit(STORE, 1, 2);

        JsonPath cycle = poll();

        assertThat(cycle.getString(path("order", "outcome"))).isEqualTo("ok");
        assertThat(cycle.getInt(path("order", "published"))).isEqualTo(4);
        assertThat(cursors.position("acme", STORE, "order")).contains(newest("orders", ids));
    }

    /**
     * At least {@code count} records of this store: every cycle polls all stores, so records of
     * other classes' stores may be on the topic too.
     */
    private static List<TopicProbe.Received> adobe(TopicProbe probe, int count) {
        Instant until = Instant.now().plus(WAIT);
        List<TopicProbe.Received> all = probe.await(count, WAIT);
        while (mine(all).size() < count && Instant.now().isBefore(until)) {
            all = probe.await(all.size() + 1, Duration.ofMillis(500));
        }
        return mine(all);
    }

    private static List<TopicProbe.Received> mine(List<TopicProbe.Received> records) {
        return records.stream().filter(r -> r.key().startsWith("acme/" + STORE + "/")).toList();
    }

    private JsonPath poll() {
        return given().auth().oauth2(JwtTokens.operator()).when().post("/admin/poll")
                .then().statusCode(200).extract().jsonPath();
    }

    private static String path(String objectType, String field) {
        return "find { it.storeId == 'acme-adobe' && it.objectType == '" + objectType + "' }." + field;
    }

    private CursorPosition newest(String type, List<String> ids) {
        record Stamp(String id, Instant updatedAt) {
        }
        List<Stamp> stamps = ids.stream().map(id -> new Stamp(id, simulator.adobeUpdatedAt(STORE, type, id))).toList();
        Instant newest = stamps.stream().map(Stamp::updatedAt).max(Comparator.naturalOrder()).orElseThrow();
        String lastId = stamps.stream().filter(s -> s.updatedAt().equals(newest)).map(Stamp::id)
                .max(ObjectIds.ORDER).orElseThrow();
        return new CursorPosition(newest, lastId);
    }
}
