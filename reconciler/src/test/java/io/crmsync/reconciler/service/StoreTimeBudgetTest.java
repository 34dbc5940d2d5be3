package io.crmsync.reconciler.service;

import io.crmsync.contract.Topics;
import io.crmsync.reconciler.SimulatorClient;
import io.crmsync.reconciler.repository.PollCursorRepository;
import io.crmsync.testkit.CrmSyncTestResource;
import io.crmsync.testkit.JwtTokens;
import io.crmsync.testkit.TestTenants;
import io.crmsync.testkit.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-store time budget ({@code crmsync.reconciler.store-time-budget}, 15 s in %test) against a
 * store whose admin API the simulator slows down ({@code api-latency}): the slow store is reported
 * failed and keeps its cursors while the other stores of the same cycle publish; once the store is
 * fast again the next cycle catches up.
 */
@QuarkusTest
@WithTestResource(value = CrmSyncTestResource.class, initArgs = @ResourceArg(name = "apps", value = "storefront-simulator"))
class StoreTimeBudgetTest {

    private static final String SLOW = TestTenants.ACME_WOO;
    private static final String OTHER = TestTenants.ACME_SHOPIFY;
    private static final List<String> SLOW_TYPES = List.of("order", "customer", "product");
    /**
     * Longer than the %test budget (15 s), shorter than the read timeout of a list call (30 s): the
     * budget gives up on the store, not the HTTP client.
     */
    private static final long LATENCY_MILLIS = 25_000;

    @ConfigProperty(name = "crmsync.test.storefront-simulator-url")
    String simulatorUrl;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @Inject
    PollCursorRepository cursors;

    private SimulatorClient simulator;

    @BeforeEach
    void emptyStores() {
        simulator = new SimulatorClient(simulatorUrl);
        for (String store : List.of(SLOW, OTHER)) {
            simulator.fault(store, "none");
            simulator.clear(store);
        }
    }

    /** Emptied afterwards too: other classes' cycles poll every store and must not see these objects. */
    @AfterEach
    void noFaultNoObjects() {
        for (String store : List.of(SLOW, OTHER)) {
            simulator.fault(store, "none");
            simulator.clear(store);
        }
    }

    @Test
    void aStoreSlowerThanItsBudgetFailsAndKeepsItsCursorsWhileTheOthersPublishThenCatchesUpNextCycle() {
        poll(); // every store has its cursors
        Map<String, Optional<CursorPosition>> before = slowCursors();
        simulator.putSilently(SLOW, "orders", "9701", """
                {"id": 9701, "status": "processing", "currency": "EUR", "total": "25.00",
                 "date_created": "2026-02-01T10:00:00", "date_created_gmt": "2026-02-01T10:00:00",
                 "billing": {"first_name": "Ada", "last_name": "Buyer", "email": "buyer9701@example.com"},
                 "line_items": [{"id": 970101, "sku": "MUG-BLUE", "quantity": 1, "total": "25.00"}]}
                """);
        simulator.putOrderSilently(OTHER, "9702", SimulatorClient.order("9702", "2026-02-01T10:00:00-05:00"));
        simulator.latency(SLOW, LATENCY_MILLIS);

        List<String> keys;
        JsonPath slowCycle;
        try (TopicProbe probe = TopicProbe.open(bootstrapServers, Topics.WEBHOOK_RECEIVED)) {
            slowCycle = poll();
            // The cycle answers once the broker acknowledged what it published.
            keys = probe.poll(Duration.ofSeconds(2)).stream().map(TopicProbe.Received::key).toList();
        }

        assertThat(slowCycle.getList(ofSlow("objectType"), String.class)).containsExactlyInAnyOrderElementsOf(SLOW_TYPES);
        assertThat(slowCycle.getList(ofSlow("outcome"), String.class)).containsOnly("failed");
        assertThat(slowCycle.getList(ofSlow("error"), String.class)).allSatisfy(error -> assertThat(error).contains("time budget"));
        assertThat(slowCycle.getString("find { it.storeId == '" + OTHER + "' }.outcome")).isEqualTo("ok");
        assertThat(slowCycle.getInt("find { it.storeId == '" + OTHER + "' }.published")).isEqualTo(1);
        assertThat(slowCycle.getList("findAll { it.storeId != '" + SLOW + "' }.outcome", String.class))
                .isNotEmpty().doesNotContain("failed");
        assertThat(keys).contains("acme/acme-shopify/order/9702").noneMatch(key -> key.startsWith("acme/" + SLOW + "/"));
        assertThat(slowCursors()).isEqualTo(before);

        simulator.fault(SLOW, "none");
        JsonPath nextCycle;
        try (TopicProbe probe = TopicProbe.open(bootstrapServers, Topics.WEBHOOK_RECEIVED)) {
            nextCycle = poll();
            keys = probe.poll(Duration.ofSeconds(2)).stream().map(TopicProbe.Received::key).toList();
        }

        assertThat(nextCycle.getList(ofSlow("outcome"), String.class)).containsOnly("ok");
        assertThat(nextCycle.getInt("find { it.storeId == '" + SLOW + "' && it.objectType == 'order' }.published")).isEqualTo(1);
        assertThat(keys).contains("acme/acme-woo/order/9701");
        LocalDateTime stamped = LocalDateTime.parse(simulator.get(SLOW, "orders", "9701").path("date_modified_gmt").asText());
        assertThat(cursors.position("acme", SLOW, "order")).contains(new CursorPosition(stamped.toInstant(ZoneOffset.UTC), "9701"));
    }

    private Map<String, Optional<CursorPosition>> slowCursors() {
        Map<String, Optional<CursorPosition>> positions = new LinkedHashMap<>();
        SLOW_TYPES.forEach(type -> positions.put(type, cursors.position("acme", SLOW, type)));
        return positions;
    }

    private static String ofSlow(String field) {
        return "findAll { it.storeId == '" + SLOW + "' }." + field;
    }

    private static JsonPath poll() {
        return given().auth().oauth2(JwtTokens.operator()).when().post("/admin/poll")
                .then().statusCode(200).extract().jsonPath();
    }
}
