package io.crmsync.reconciler.backfill;

import io.crmsync.contract.Topics;
import io.crmsync.reconciler.SimulatorClient;
import io.crmsync.reconciler.service.CursorPosition;
import io.crmsync.testkit.CrmSyncTestResource;
import io.crmsync.testkit.JwtTokens;
import io.crmsync.testkit.TestTenants;
import io.crmsync.testkit.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Backfills against the real storefront simulator, broker and database. */
@QuarkusTest
@WithTestResource(value = CrmSyncTestResource.class, initArgs = @ResourceArg(name = "apps", value = "storefront-simulator,crm-sandbox"))
class BackfillTest {

    private static final String STORE = TestTenants.ACME_SHOPIFY;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "crmsync.test.storefront-simulator-url")
    String simulatorUrl;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @Inject
    BackfillService backfills;
    @Inject
    BackfillJobRepository jobs;

    private SimulatorClient simulator;

    @BeforeEach
    void emptyStore() {
        simulator = new SimulatorClient(simulatorUrl);
        simulator.fault(STORE, "none");
        simulator.clear(STORE);
    }

    @Test
    void historyBeforeGoLiveArrivesWithTheBackfillOriginAndTheJobReportsItsProgress() {
        List.of("8101", "8102", "8103").forEach(id ->
                simulator.putOrderSilently(STORE, id, SimulatorClient.order(id, "2025-05-01T10:00:00-05:00")));
        simulator.putOrderSilently(STORE, "8104", SimulatorClient.order("8104", "2026-02-01T10:00:00-05:00"));

        Map<String, String> origins;
        String jobId;
        try (TopicProbe probe = TopicProbe.open(bootstrapServers, Topics.WEBHOOK_RECEIVED)) {
            jobId = given().auth().oauth2(JwtTokens.operator()).contentType("application/json")
                    .body("{\"tenant\":\"acme\",\"storeId\":\"" + STORE + "\",\"since\":\"2025-01-01\"}")
                    .post("/admin/backfills").then().statusCode(202).extract().path("[0].id");
            origins = probe.await(4, WAIT).stream()
                    .collect(Collectors.toMap(TopicProbe.Received::key, r -> r.headers().get("ce_origin"), (a, b) -> b));
        }
        assertThat(origins).containsEntry("acme/acme-shopify/order/8101", "backfill")
                .containsEntry("acme/acme-shopify/order/8103", "backfill")
                .containsEntry("acme/acme-shopify/order/8104", "poll");
        await().atMost(WAIT).until(() -> "done".equals(given().auth().oauth2(JwtTokens.viewer())
                .get("/admin/backfills/" + jobId).then().statusCode(200).extract().path("status")));
        given().auth().oauth2(JwtTokens.viewer()).get("/admin/backfills?tenant=acme").then().statusCode(200)
                .body("find { it.id == '" + jobId + "' }.published", org.hamcrest.Matchers.equalTo(4));
        // Only a failed job resumes; an id no backfill has is not found.
        given().auth().oauth2(JwtTokens.operator()).post("/admin/backfills/" + jobId + "/resume").then().statusCode(400);
        given().auth().oauth2(JwtTokens.operator()).post("/admin/backfills/" + UUID.randomUUID() + "/resume")
                .then().statusCode(404).body("error", org.hamcrest.Matchers.startsWith("no backfill "));
    }

    @Test
    void aBackfillInterruptedByARestartResumesWhereItStopped() throws Exception {
        simulator.putOrderSilently(STORE, "8201", SimulatorClient.order("8201", "2025-05-01T10:00:00-05:00"));
        Instant first = simulator.updatedAt(STORE, "8201");
        await().atMost(WAIT).until(() -> Instant.now().isAfter(first.plusSeconds(1)));
        simulator.putOrderSilently(STORE, "8202", SimulatorClient.order("8202", "2025-05-02T10:00:00-05:00"));
        // As a crash leaves it: running, its position past 8201.
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        jobs.insert(new BackfillJob(id, "acme", STORE, "order", Instant.parse("2025-01-01T00:00:00Z"),
                new CursorPosition(first.plusMillis(500), null), BackfillJob.RUNNING, 0, null, "test", now, now));

        List<String> keys;
        try (TopicProbe probe = TopicProbe.open(bootstrapServers, Topics.WEBHOOK_RECEIVED)) {
            backfills.resumeRunning();
            await().atMost(WAIT).until(() -> BackfillJob.DONE.equals(jobs.find(id).orElseThrow().status()));
            keys = probe.await(1, Duration.ofSeconds(3)).stream().map(TopicProbe.Received::key).toList();
        }
        assertThat(keys).containsExactly("acme/acme-shopify/order/8202");
        assertThat(jobs.find(id).orElseThrow().published()).isEqualTo(1);
    }

    @Test
    void backfillsNeedAnOperatorAndAStoreOfTheTenant() {
        String body = "{\"tenant\":\"acme\",\"storeId\":\"" + STORE + "\",\"since\":\"2025-01-01\"}";
        given().contentType("application/json").body(body).post("/admin/backfills").then().statusCode(401);
        given().auth().oauth2(JwtTokens.viewer()).contentType("application/json").body(body)
                .post("/admin/backfills").then().statusCode(403);
        given().auth().oauth2(JwtTokens.operator()).contentType("application/json")
                .body("{\"tenant\":\"acme\",\"storeId\":\"globex-bc\",\"since\":\"2025-01-01\"}")
                .post("/admin/backfills").then().statusCode(400);
        given().auth().oauth2(JwtTokens.operator()).contentType("application/json")
                .body("{\"tenant\":\"acme\",\"storeId\":\"" + STORE + "\",\"since\":\"last year\"}")
                .post("/admin/backfills").then().statusCode(400);
    }
}
