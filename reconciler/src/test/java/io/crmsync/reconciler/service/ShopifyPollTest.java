package io.crmsync.reconciler.service;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reconciler against the real storefront simulator, broker and database: what a poll cycle
 * publishes, and where it leaves the store's cursor.
 */
@QuarkusTest
@WithTestResource(value = CrmSyncTestResource.class, initArgs = @ResourceArg(name = "apps", value = "storefront-simulator,crm-sandbox"))
class ShopifyPollTest {

    private static final String STORE = TestTenants.ACME_SHOPIFY;
    private static final String ORDER = "order";
    /** %test overlap (application.properties). */
    private static final Duration OVERLAP = Duration.ofSeconds(2);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "crmsync.test.storefront-simulator-url")
    String simulatorUrl;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @Inject
    PollCursorRepository cursors;

    private final EventCodec codec = new EventCodec();
    private SimulatorClient simulator;

    @BeforeEach
    void emptyStore() {
        simulator = new SimulatorClient(simulatorUrl);
        simulator.fault(STORE, "none");
        simulator.clear(STORE);
    }

    @AfterEach
    void noFault() {
        simulator.fault(STORE, "none");
    }

    @Test
    void aStoreNeverPolledPublishesEveryOrderChangedSinceGoLiveAcrossPagesAndStoresItsCursor() throws SQLException {
        QuarkusTransaction.requiringNew().run(() -> cursors.deleteAll());
        List<String> ids = List.of("5001", "5002", "5003", "5004", "5005", "5006", "5007");
        ids.forEach(id -> simulator.putOrderSilently(STORE, id, SimulatorClient.order(id, "2026-02-01T10:00:00-05:00")));

        List<TopicProbe.Received> records;
        try (TopicProbe probe = TopicProbe.open(bootstrapServers, Topics.WEBHOOK_RECEIVED)) {
            JsonPath cycle = poll();
            assertThat(outcome(cycle)).isEqualTo("ok");
            // page size 3 in %test: three pages
            assertThat(published(cycle)).isEqualTo(7);
            records = probe.await(7, WAIT);
        }

        assertThat(records).extracting(TopicProbe.Received::key)
                .containsExactlyInAnyOrderElementsOf(ids.stream().map(id -> "acme/acme-shopify/order/" + id).toList());
        for (TopicProbe.Received record : records) {
            WebhookReceived data = codec.decode(EventType.WEBHOOK_RECEIVED, record.value());
            String updatedAt = data.payload().path("updated_at").asText();
            assertThat(record.headers()).containsEntry("ce_type", "commerce.webhook.received.v1")
                    .containsEntry("ce_tenant", "acme").containsEntry("ce_origin", "poll")
                    .containsKey("traceparent");
            assertThat(data.platform()).isEqualTo("shopify");
            assertThat(data.storeId()).isEqualTo(STORE);
            assertThat(data.topic()).isEqualTo("orders/updated");
            assertThat(data.objectType()).isEqualTo(ORDER);
            assertThat(data.delivery().id()).isEqualTo("poll:" + data.objectId() + ":" + updatedAt);
            assertThat(data.delivery().stable()).isTrue();
            assertThat(data.payload().path("id").asText()).isEqualTo(data.objectId());
            assertThat(data.payload().path("line_items").get(0).path("sku").asText()).isEqualTo("MUG-BLUE");
        }

        CursorPosition expected = newest(ids);
        assertThat(cursors.position("acme", STORE, ORDER)).contains(expected);
        // Persisted: a fresh connection (as after a restart) reads the same row.
        assertThat(cursorRow()).isEqualTo(Map.of("modified_since", expected.modifiedSince(),
                "last_object_id", expected.lastObjectId()));
    }

    @Test
    void silentlyChangedCustomersAndProductsArePublishedOnceEachAsTheirWebhooksWithCursorsOfTheirOwn() {
        List<String> customers = List.of("5101", "5102", "5103", "5104");
        List<String> products = List.of("5201", "5202");
        // 5101 was created before go-live: history, so it travels as backfill.
        customers.forEach(id -> simulator.putSilently(STORE, "customers", id, SimulatorClient.shopifyCustomer(id,
                id.equals("5101") ? "2025-11-20T09:30:00-05:00" : "2026-02-01T10:00:00-05:00")));
        products.forEach(id -> simulator.putSilently(STORE, "products", id,
                SimulatorClient.shopifyProduct(id, "2026-02-01T10:00:00-05:00")));
        Optional<CursorPosition> ordersBefore = cursors.position("acme", STORE, ORDER);

        List<TopicProbe.Received> records;
        JsonPath cycle;
        try (TopicProbe probe = TopicProbe.open(bootstrapServers, Topics.WEBHOOK_RECEIVED)) {
            cycle = poll();
            records = mine(probe, customers.size() + products.size());
        }

        assertThat(outcome(cycle, "customer")).isEqualTo("ok");
        assertThat(outcome(cycle, "product")).isEqualTo("ok");
        // page size 3 in %test: the customers take two pages
        assertThat(published(cycle, "customer")).isEqualTo(4);
        assertThat(published(cycle, "product")).isEqualTo(2);
        assertThat(records).extracting(TopicProbe.Received::key).containsExactlyInAnyOrderElementsOf(Stream.concat(
                customers.stream().map(id -> "acme/acme-shopify/customer/" + id),
                products.stream().map(id -> "acme/acme-shopify/product/" + id)).toList());
        for (TopicProbe.Received record : records) {
            WebhookReceived data = codec.decode(EventType.WEBHOOK_RECEIVED, record.value());
            boolean customer = data.objectType().equals("customer");
            assertThat(data.platform()).isEqualTo("shopify");
            // The topics the normalizer's Shopify mapper takes for these resources.
            assertThat(data.topic()).isEqualTo(customer ? "customers/update" : "products/update");
            assertThat(data.delivery().id()).isEqualTo("poll:" + data.objectId() + ":" + data.payload().path("updated_at").asText());
            assertThat(data.payload().path("id").asText()).isEqualTo(data.objectId());
            assertThat(data.payload().has(customer ? "email" : "variants")).isTrue();
            assertThat(record.headers()).containsEntry("ce_subject", data.objectType() + "/" + data.objectId())
                    .containsEntry("ce_origin", record.key().endsWith("/customer/5101") ? "backfill" : "poll");
        }

        // One cursor per object type; the orders' is not moved by them.
        assertThat(cursors.position("acme", STORE, "customer")).contains(newest("customers", customers));
        assertThat(cursors.position("acme", STORE, "product")).contains(newest("products", products));
        assertThat(cursors.position("acme", STORE, ORDER)).isEqualTo(ordersBefore);
        assertThat(cursorsJson().getList("findAll { it.storeId == 'acme-shopify' }.objectType", String.class))
                .contains("customer", "product");
    }

    @Test
    void aSecondPollPublishesOnlyWhatChangedSinceTheCursorMinusTheOverlap() {
        simulator.putOrderSilently(STORE, "6001", SimulatorClient.order("6001", "2026-02-01T10:00:00-05:00"));
        Instant first = simulator.updatedAt(STORE, "6001");
        // 6002 lands later than the overlap after 6001, so 6001 is outside the second poll's window.
        awaitClockPast(first.plus(OVERLAP).plusSeconds(1));
        simulator.putOrderSilently(STORE, "6002", SimulatorClient.order("6002", "2026-02-02T10:00:00-05:00"));
        assertThat(published(poll())).isEqualTo(2);
        Instant cursor = cursors.position("acme", STORE, ORDER).orElseThrow().modifiedSince();
        assertThat(cursor).isEqualTo(simulator.updatedAt(STORE, "6002"));

        awaitClockPast(cursor.plusSeconds(1));
        simulator.putOrderSilently(STORE, "6003", SimulatorClient.order("6003", "2026-02-03T10:00:00-05:00"));
        List<TopicProbe.Received> records;
        try (TopicProbe probe = TopicProbe.open(bootstrapServers, Topics.WEBHOOK_RECEIVED)) {
            assertThat(published(poll())).isEqualTo(2);
            records = probe.await(2, WAIT);
        }

        // 6002 again (inside the overlap; the dedup-service drops the repeat), 6003 new, 6001 not.
        assertThat(records).extracting(TopicProbe.Received::key)
                .containsExactlyInAnyOrder("acme/acme-shopify/order/6002", "acme/acme-shopify/order/6003");
        assertThat(cursors.position("acme", STORE, ORDER))
                .contains(new CursorPosition(simulator.updatedAt(STORE, "6003"), "6003"));
    }

    @Test
    void anOrderCreatedBeforeGoLiveIsPublishedAsBackfill() {
        simulator.putOrderSilently(STORE, "7001", SimulatorClient.order("7001", "2025-11-20T09:30:00-05:00"));
        simulator.putOrderSilently(STORE, "7002", SimulatorClient.order("7002", "2026-01-01T00:00:00Z"));

        List<TopicProbe.Received> records;
        try (TopicProbe probe = TopicProbe.open(bootstrapServers, Topics.WEBHOOK_RECEIVED)) {
            poll();
            records = probe.await(2, WAIT);
        }

        assertThat(records).hasSize(2).allSatisfy(r -> assertThat(r.headers().get("ce_origin"))
                .isEqualTo(r.key().endsWith("/7001") ? "backfill" : "poll"));
    }

    @Test
    void aStoreWhoseApiIsDownKeepsItsCursorIsCountedAndCatchesUpLater() {
        poll();
        JsonPath before = cursorsJson();
        double errorsBefore = pollErrors();
        simulator.putOrderSilently(STORE, "8001", SimulatorClient.order("8001", "2026-03-01T10:00:00-05:00"));
        simulator.fault(STORE, "api-outage");

        JsonPath failed = poll();

        assertThat(outcome(failed)).isEqualTo("failed");
        assertThat(published(failed)).isEqualTo(0);
        assertThat(failed.getString(storePath("error"))).contains("503");
        assertThat(cursorsJson().getMap(cursorPath())).isEqualTo(before.getMap(cursorPath()));
        // Each object type of the store is polled, and fails, on its own: order, customer, product.
        assertThat(pollErrors()).isEqualTo(errorsBefore + 3);
        assertThat(failed.getList("findAll { it.storeId == 'acme-shopify' }.outcome", String.class))
                .containsExactly("failed", "failed", "failed");
        // Stores of other platforms are reported, not held up by the failing one.
        assertThat(failed.getList("findAll { it.storeId != 'acme-shopify' }.outcome")).isNotEmpty().doesNotContain("failed");

        simulator.fault(STORE, "none");
        try (TopicProbe probe = TopicProbe.open(bootstrapServers, Topics.WEBHOOK_RECEIVED)) {
            assertThat(outcome(poll())).isEqualTo("ok");
            assertThat(probe.await(1, WAIT)).extracting(TopicProbe.Received::key).contains("acme/acme-shopify/order/8001");
        }
    }

    @Test
    void aRateLimitedStoreIsPolledToTheEndAfterWaitingAsRetryAfterSays() {
        List<String> ids = List.of("9001", "9002", "9003", "9004");
        ids.forEach(id -> simulator.putOrderSilently(STORE, id, SimulatorClient.order(id, "2026-03-01T10:00:00-05:00")));
        // A one-call bucket leaking one call per two seconds: the second page is refused with 429.
        simulator.rateLimit(STORE, 1, 2);

        try (TopicProbe probe = TopicProbe.open(bootstrapServers, Topics.WEBHOOK_RECEIVED)) {
            JsonPath cycle = poll();
            assertThat(outcome(cycle)).isEqualTo("ok");
            assertThat(published(cycle)).isEqualTo(4);
            assertThat(probe.await(4, WAIT)).extracting(TopicProbe.Received::key)
                    .containsExactlyInAnyOrderElementsOf(ids.stream().map(id -> "acme/acme-shopify/order/" + id).toList());
        }
        assertThat(cursors.position("acme", STORE, ORDER)).contains(newest(ids));
    }

    private JsonPath poll() {
        return given().auth().oauth2(JwtTokens.operator()).when().post("/admin/poll")
                .then().statusCode(200).extract().jsonPath();
    }

    private JsonPath cursorsJson() {
        return given().auth().oauth2(JwtTokens.viewer()).when().get("/admin/cursors")
                .then().statusCode(200).extract().jsonPath();
    }

    private static String storePath(String field) {
        return storePath(ORDER, field);
    }

    private static String storePath(String objectType, String field) {
        return "find { it.storeId == 'acme-shopify' && it.objectType == '" + objectType + "' }." + field;
    }

    private static String cursorPath() {
        return "find { it.storeId == 'acme-shopify' && it.objectType == 'order' }";
    }

    private static String outcome(JsonPath cycle) {
        return outcome(cycle, ORDER);
    }

    private static String outcome(JsonPath cycle, String objectType) {
        return cycle.getString(storePath(objectType, "outcome"));
    }

    private static int published(JsonPath cycle) {
        return published(cycle, ORDER);
    }

    private static int published(JsonPath cycle, String objectType) {
        return cycle.getInt(storePath(objectType, "published"));
    }

    /**
     * At least {@code count} records of this store: every cycle polls all stores, so records of
     * other classes' stores may be on the topic too.
     */
    private static List<TopicProbe.Received> mine(TopicProbe probe, int count) {
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

    /** The cursor a poll of these orders must end on: newest stamp, highest id among that stamp's orders. */
    private CursorPosition newest(List<String> ids) {
        return newest("orders", ids);
    }

    /** The cursor a poll of these objects of {@code type} must end on. */
    private CursorPosition newest(String type, List<String> ids) {
        record Stamp(String id, Instant updatedAt) {
        }
        List<Stamp> stamps = ids.stream().map(id -> new Stamp(id, simulator.updatedAt(STORE, type, id))).toList();
        Instant newest = stamps.stream().map(Stamp::updatedAt).max(Comparator.naturalOrder()).orElseThrow();
        String lastId = stamps.stream().filter(s -> s.updatedAt().equals(newest)).map(Stamp::id)
                .max(ObjectIds.ORDER).orElseThrow();
        return new CursorPosition(newest, lastId);
    }

    private Map<String, Object> cursorRow() throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             PreparedStatement query = connection.prepareStatement("select modified_since, last_object_id from "
                     + "reconciler.poll_cursor where tenant = 'acme' and store_id = ? and object_type = 'order'")) {
            query.setString(1, STORE);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("cursor row").isTrue();
                return Map.of("modified_since", row.getTimestamp(1).toInstant(), "last_object_id", row.getString(2));
            }
        }
    }

    private static double pollErrors() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Pattern line = Pattern.compile("^crmsync_reconcile_poll_errors_total\\{([^}]*)} (\\S+)", Pattern.MULTILINE);
        Matcher m = line.matcher(metrics);
        while (m.find()) {
            List<String> tags = Stream.of(m.group(1).split(",")).toList();
            if (tags.contains("store=\"acme-shopify\"") && tags.contains("tenant=\"acme\"")) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }

    private static void awaitClockPast(Instant instant) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> Instant.now().isAfter(instant));
    }
}
