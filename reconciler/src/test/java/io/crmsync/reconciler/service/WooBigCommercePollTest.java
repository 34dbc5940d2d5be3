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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * WooCommerce and BigCommerce polling against the real storefront simulator, broker and database:
 * what a cycle publishes, across pages whose boundary falls among objects sharing a timestamp,
 * where it leaves each cursor, and that a failing store holds back no other.
 */
@QuarkusTest
@WithTestResource(value = CrmSyncTestResource.class, initArgs = @ResourceArg(name = "apps", value = "storefront-simulator,crm-sandbox"))
class WooBigCommercePollTest {

    /** The two platforms as the simulator seeds them: store, tenant, webhook topic per type, date fields. */
    enum Platform {
        WOO(TestTenants.ACME_WOO, "acme", "woocommerce", "order.updated", "date_modified_gmt") {
            @Override
            String order(String id, boolean history) {
                String created = history ? "2025-11-20T09:30:00" : "2026-02-01T10:00:00";
                return """
                        {"id": %s, "status": "processing", "currency": "EUR", "total": "25.00",
                         "date_created": "%s", "date_created_gmt": "%s",
                         "billing": {"first_name": "Ada", "last_name": "Buyer", "email": "buyer%s@example.com"},
                         "line_items": [{"id": %s01, "sku": "MUG-BLUE", "quantity": 1, "total": "25.00"}]}
                        """.formatted(id, created, created, id, id);
            }

            @Override
            String customer(String id) {
                return "{\"id\": " + id + ", \"email\": \"c" + id + "@example.com\", \"first_name\": \"Zoë\", \"date_created_gmt\": \"2026-02-01T10:00:00\"}";
            }

            @Override
            String product(String id) {
                return "{\"id\": " + id + ", \"name\": \"Mug\", \"sku\": \"MUG-" + id + "\", \"price\": \"25.00\", \"date_created_gmt\": \"2026-02-01T10:00:00\"}";
            }
        },
        BIGCOMMERCE(TestTenants.GLOBEX_BC, "globex", "bigcommerce", "store/order/updated", "date_modified") {
            @Override
            String order(String id, boolean history) {
                String created = history ? "Thu, 20 Nov 2025 09:30:00 +0000" : "Sun, 01 Feb 2026 10:00:00 +0000";
                return """
                        {"id": %s, "status_id": 11, "status": "Awaiting Fulfillment", "currency_code": "USD",
                         "total_inc_tax": "25.0000", "date_created": "%s",
                         "billing_address": {"first_name": "Ada", "last_name": "Buyer", "email": "buyer%s@example.com"},
                         "products": [{"id": %s01, "sku": "MUG-BLUE", "quantity": 1, "price_inc_tax": "25.0000"}]}
                        """.formatted(id, created, id, id);
            }

            @Override
            String customer(String id) {
                return "{\"id\": " + id + ", \"email\": \"c" + id + "@example.com\", \"first_name\": \"Zoë\", \"date_created\": \"2026-02-01T10:00:00Z\"}";
            }

            @Override
            String product(String id) {
                return "{\"id\": " + id + ", \"name\": \"Mug\", \"sku\": \"MUG-" + id + "\", \"price\": 25.00, \"date_created\": \"2026-02-01T10:00:00Z\"}";
            }
        };

        final String store;
        final String tenant;
        final String wire;
        final String orderTopic;
        final String orderModifiedField;

        Platform(String store, String tenant, String wire, String orderTopic, String orderModifiedField) {
            this.store = store;
            this.tenant = tenant;
            this.wire = wire;
            this.orderTopic = orderTopic;
            this.orderModifiedField = orderModifiedField;
        }

        abstract String order(String id, boolean history);

        abstract String customer(String id);

        abstract String product(String id);

        String keyPrefix() {
            return tenant + "/" + store + "/";
        }
    }

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
    void emptyStores() {
        simulator = new SimulatorClient(simulatorUrl);
        for (Platform p : Platform.values()) {
            simulator.fault(p.store, "none");
            simulator.clear(p.store);
        }
        QuarkusTransaction.requiringNew().run(() -> cursors.delete("storeId in ?1",
                List.of(TestTenants.ACME_WOO, TestTenants.GLOBEX_BC)));
    }

    @AfterEach
    void noFaults() {
        for (Platform p : Platform.values()) {
            simulator.fault(p.store, "none");
        }
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void silentChangesArePublishedOnceAcrossPagesWithTheirOriginAndTheCursorIsKept(Platform p) throws SQLException {
        // Seven orders seeded back to back: most share a second (the platforms' precision), so the
        // page boundaries (page size 3 in %test) fall among equal stamps. 8001 was created before go-live.
        List<String> ids = IntStream.rangeClosed(8001, 8007).mapToObj(String::valueOf).toList();
        ids.forEach(id -> simulator.putSilently(p.store, "orders", id, p.order(id, id.equals("8001"))));
        simulator.putSilently(p.store, "customers", "301", p.customer("301"));
        simulator.putSilently(p.store, "products", "401", p.product("401"));

        List<TopicProbe.Received> records;
        JsonPath cycle;
        try (TopicProbe probe = TopicProbe.open(bootstrapServers, Topics.WEBHOOK_RECEIVED)) {
            cycle = poll();
            records = mine(probe, p);
        }

        assertThat(cycle.getString(path(p, "order", "outcome"))).isEqualTo("ok");
        assertThat(cycle.getInt(path(p, "order", "published"))).isEqualTo(7);
        assertThat(cycle.getInt(path(p, "customer", "published"))).isEqualTo(1);
        assertThat(cycle.getInt(path(p, "product", "published"))).isEqualTo(1);
        // None missed, none doubled.
        assertThat(records).extracting(TopicProbe.Received::key).containsExactlyInAnyOrderElementsOf(
                concat(ids.stream().map(id -> p.keyPrefix() + "order/" + id).toList(),
                        List.of(p.keyPrefix() + "customer/301", p.keyPrefix() + "product/401")));
        for (TopicProbe.Received record : records) {
            WebhookReceived data = codec.decode(EventType.WEBHOOK_RECEIVED, record.value());
            assertThat(data.platform()).isEqualTo(p.wire);
            assertThat(data.storeId()).isEqualTo(p.store);
            assertThat(data.payload().path("id").asText()).isEqualTo(data.objectId());
            assertThat(record.headers()).containsEntry("ce_tenant", p.tenant)
                    .containsEntry("ce_origin", record.key().endsWith("/order/8001") ? "backfill" : "poll");
            if (data.objectType().equals("order")) {
                assertThat(data.topic()).isEqualTo(p.orderTopic);
                assertThat(data.delivery().id()).isEqualTo("poll:" + data.objectId() + ":"
                        + data.payload().path(p.orderModifiedField).asText());
            }
        }

        // The cursor is the newest stamp with the highest id among that stamp's orders, in the table
        // (a fresh connection, as after a restart) and on the admin API.
        Instant newest = ids.stream().map(id -> modified(p, id)).max(Instant::compareTo).orElseThrow();
        String lastId = ids.stream().filter(id -> modified(p, id).equals(newest)).max(ObjectIds.ORDER).orElseThrow();
        assertThat(cursors.position(p.tenant, p.store, "order")).contains(new CursorPosition(newest, lastId));
        assertThat(cursorRow(p)).isEqualTo(newest);
        assertThat(cursorsJson().getString("find { it.storeId == '" + p.store + "' && it.objectType == 'order' }.modifiedSince"))
                .isNotNull();

        // The next cycle resumes from the stored cursor: it re-reads only the overlap before it (the
        // same versions, under the same delivery ids, which the dedup-service drops), nothing new.
        List<String> firstDeliveries = records.stream().map(r -> deliveryId(r)).toList();
        try (TopicProbe probe = TopicProbe.open(bootstrapServers, Topics.WEBHOOK_RECEIVED)) {
            JsonPath second = poll();
            assertThat(second.getString(path(p, "order", "outcome"))).isEqualTo("ok");
            assertThat(mine(probe, p)).extracting(this::deliveryId).doesNotHaveDuplicates()
                    .allMatch(firstDeliveries::contains);
        }
        assertThat(cursors.position(p.tenant, p.store, "order")).contains(new CursorPosition(newest, lastId));
    }

    @Test
    void aStoreWhoseApiIsDownOrRefusesCredentialsKeepsItsCursorsAndHoldsBackNoOtherStore() {
        poll();
        simulator.putSilently(Platform.WOO.store, "orders", "8101", Platform.WOO.order("8101", false));
        simulator.putSilently(Platform.BIGCOMMERCE.store, "orders", "8201", Platform.BIGCOMMERCE.order("8201", false));
        JsonPath before = cursorsJson();
        simulator.fault(Platform.WOO.store, "api-outage");

        JsonPath cycle = poll();

        assertThat(cycle.getList("findAll { it.storeId == 'acme-woo' }.outcome")).hasSize(3).containsOnly("failed");
        assertThat(cycle.getString(path(Platform.WOO, "order", "error"))).contains("503");
        assertThat(cycle.getList("findAll { it.storeId == 'globex-bc' }.outcome")).hasSize(3).containsOnly("ok");
        assertThat(cycle.getInt(path(Platform.BIGCOMMERCE, "order", "published"))).isEqualTo(1);
        assertThat(cycle.getString("find { it.storeId == 'acme-shopify' }.outcome")).isEqualTo("ok");
        assertThat(wooCursors(cursorsJson())).isEqualTo(wooCursors(before));

        // Revoked credentials: a failure of that store only, reported as such.
        simulator.fault(Platform.WOO.store, "none");
        simulator.fault(Platform.BIGCOMMERCE.store, "api-auth");
        JsonPath auth = poll();
        assertThat(auth.getList("findAll { it.storeId == 'globex-bc' }.outcome")).containsOnly("failed");
        assertThat(auth.getString(path(Platform.BIGCOMMERCE, "order", "error"))).contains("401");
        assertThat(auth.getInt(path(Platform.WOO, "order", "published"))).isEqualTo(1);
    }

    @Test
    void aRateLimitedBigCommerceStoreIsPolledToTheEnd() {
        List<String> ids = List.of("8301", "8302", "8303", "8304", "8305", "8306", "8307");
        ids.forEach(id -> simulator.putSilently(Platform.BIGCOMMERCE.store, "orders", id, Platform.BIGCOMMERCE.order(id, false)));
        // Two requests per two seconds: the pacing from X-Rate-Limit-* (and 429s' reset time) spreads the calls.
        simulator.rateLimit(Platform.BIGCOMMERCE.store, 2, 2);

        JsonPath cycle = poll();

        assertThat(cycle.getString(path(Platform.BIGCOMMERCE, "order", "outcome"))).isEqualTo("ok");
        assertThat(cycle.getInt(path(Platform.BIGCOMMERCE, "order", "published"))).isEqualTo(7);
    }

    private String deliveryId(TopicProbe.Received record) {
        return codec.decode(EventType.WEBHOOK_RECEIVED, record.value()).delivery().id();
    }

    private List<TopicProbe.Received> mine(TopicProbe probe, Platform p) {
        // The cycle answers only after the broker acknowledged every page; a short read collects them.
        return probe.poll(Duration.ofSeconds(2)).stream().filter(r -> r.key().startsWith(p.keyPrefix())).toList();
    }

    private Instant modified(Platform p, String id) {
        String text = simulator.get(p.store, "orders", id).path(p.orderModifiedField).asText();
        return p == Platform.WOO ? java.time.LocalDateTime.parse(text).toInstant(java.time.ZoneOffset.UTC)
                : java.time.ZonedDateTime.parse(text, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }

    private Instant cursorRow(Platform p) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             PreparedStatement query = connection.prepareStatement("select modified_since from reconciler.poll_cursor "
                     + "where tenant = ? and store_id = ? and object_type = 'order'")) {
            query.setString(1, p.tenant);
            query.setString(2, p.store);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("cursor row").isTrue();
                return row.getTimestamp(1).toInstant();
            }
        }
    }

    private static List<Object> wooCursors(JsonPath cursors) {
        return cursors.getList("findAll { it.storeId == 'acme-woo' }");
    }

    private static String path(Platform p, String objectType, String field) {
        return "find { it.storeId == '" + p.store + "' && it.objectType == '" + objectType + "' }." + field;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private JsonPath poll() {
        return given().auth().oauth2(JwtTokens.operator()).when().post("/admin/poll")
                .then().statusCode(200).extract().jsonPath();
    }

    private JsonPath cursorsJson() {
        return given().auth().oauth2(JwtTokens.viewer()).when().get("/admin/cursors")
                .then().statusCode(200).extract().jsonPath();
    }
}
