package io.crmsync.reconciler.accounting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.crmsync.reconciler.accounting.AccountingEvents.STORE;
import static io.crmsync.reconciler.accounting.AccountingEvents.mismatch;
import static io.crmsync.reconciler.accounting.AccountingEvents.mismatchIds;
import static io.crmsync.reconciler.accounting.AccountingEvents.objectId;
import static io.crmsync.reconciler.accounting.AccountingEvents.receive;
import static io.crmsync.reconciler.accounting.AccountingEvents.settle;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Repair of mismatches, lost updates and sampled CRM reads against the real broker, database,
 * storefront simulator and CRM sandbox. Rounds are triggered through the admin API (automatic
 * rounds are off in {@code %test}); grace 1 s, repair spacing 250 ms × 2^attempt.
 */
@QuarkusTest
@WithTestResource(value = CrmSyncTestResource.class, initArgs = @ResourceArg(name = "apps", value = "storefront-simulator,crm-sandbox"))
class MismatchRepairTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @ConfigProperty(name = "crmsync.test.storefront-simulator-url")
    String simulatorUrl;
    @ConfigProperty(name = "crmsync.test.crm-sandbox-url")
    String crmSandboxUrl;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final EventCodec codec = new EventCodec();
    private SimulatorClient simulator;

    @BeforeEach
    void simulator() {
        simulator = new SimulatorClient(simulatorUrl);
        for (String store : List.of(STORE, TestTenants.ACME_WOO, TestTenants.ACME_ADOBE)) {
            simulator.fault(store, "none");
        }
    }

    @Test
    void aLostOrderIsReplayedOnceWithTheReplayOriginAndASettleClearsIt() {
        String id = objectId();
        JsonNode order = seed(id);
        receive(id, "orders/create", "order", "webhook", order);
        await().atMost(Duration.ofSeconds(30)).until(() -> mismatch(id).isPresent());

        try (TopicProbe probe = TopicProbe.open(bootstrapServers, Topics.WEBHOOK_RECEIVED)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> repairRound().stream()
                    .anyMatch(r -> id.equals(r.get("objectId")) && "replayed".equals(r.get("outcome"))));
            List<TopicProbe.Received> replayed = probe.poll(Duration.ofSeconds(2)).stream()
                    .filter(r -> r.key().equals("acme/" + STORE + "/order/" + id)).toList();
            assertThat(replayed).singleElement().satisfies(r -> {
                assertThat(r.headers()).containsEntry("ce_origin", "replay");
                WebhookReceived data = codec.decode(EventType.WEBHOOK_RECEIVED, r.value());
                assertThat(data.objectId()).isEqualTo(id);
                assertThat(data.delivery().id()).startsWith("replay:");
            });
        }
        assertThat(mismatch(id)).get().satisfies(m -> assertThat(m).containsEntry("repairAttempts", 1)
                .containsEntry("state", "repairing").containsEntry("lastRepairOutcome", "replayed"));
        assertThat(AccountingEvents.metric("crmsync_reconcile_repairs_total", "outcome=\"replayed\"")).isGreaterThanOrEqualTo(1.0);

        // The replay reaches the CRM: its result settles the object.
        settle(id, "created", null, simulator.updatedAt(STORE, id));
        await().atMost(Duration.ofSeconds(30)).until(() -> mismatch(id).isEmpty());
    }

    @Test
    void aLostShopifyCustomerIsReplayedFromTheStoresCustomersAsItsWebhook() {
        String id = objectId();
        JsonNode customer = simulator.putSilently(STORE, "customers", id,
                SimulatorClient.shopifyCustomer(id, "2026-02-01T10:00:00-05:00"));
        receive(id, "customers/create", "customer", "webhook", customer);
        await().atMost(Duration.ofSeconds(30)).until(() -> mismatch(id).isPresent());

        try (TopicProbe probe = TopicProbe.open(bootstrapServers, Topics.WEBHOOK_RECEIVED)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> repairRound().stream()
                    .anyMatch(r -> id.equals(r.get("objectId")) && "replayed".equals(r.get("outcome"))));
            List<TopicProbe.Received> replayed = probe.poll(Duration.ofSeconds(2)).stream()
                    .filter(r -> r.key().equals("acme/" + STORE + "/customer/" + id)).toList();
            assertThat(replayed).singleElement().satisfies(r -> {
                assertThat(r.headers()).containsEntry("ce_origin", "replay");
                WebhookReceived data = codec.decode(EventType.WEBHOOK_RECEIVED, r.value());
                assertThat(data.topic()).isEqualTo("customers/update");
                assertThat(data.payload().path("updated_at").asText()).isEqualTo(customer.path("updated_at").asText());
            });
        }
        assertThat(mismatch(id)).get().satisfies(m -> assertThat(m).containsEntry("objectType", "customer")
                .containsEntry("lastRepairOutcome", "replayed"));
    }

    @Test
    void aMismatchThatNeverSettlesIsReplayedThreeTimesThenStaysListedAsExhausted() {
        String id = objectId();
        receive(id, "orders/create", "order", "webhook", seed(id));
        await().atMost(Duration.ofSeconds(30)).until(() -> mismatch(id).isPresent());

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            repairRound();
            return mismatch(id).map(m -> "exhausted".equals(m.get("state"))).orElse(false);
        });
        assertThat(mismatch(id)).get().satisfies(m -> assertThat(m).containsEntry("repairAttempts", 3)
                .containsEntry("reason", "unsettled"));
        assertThat(AccountingEvents.metric("crmsync_reconcile_repairs_total", "outcome=\"exhausted\"")).isGreaterThanOrEqualTo(1.0);
        repairRound();
        assertThat(mismatch(id)).get().satisfies(m -> assertThat(m).containsEntry("repairAttempts", 3));
    }

    @Test
    void anObjectGoneFromTheStoreIsRecordedAsGoneAndNotRetried() {
        String id = objectId(); // never seeded: the simulator answers 404
        receive(id, "orders/create", "order", "webhook", JsonNodeFactory.instance.objectNode().put("id", Long.parseLong(id)));
        await().atMost(Duration.ofSeconds(30)).until(() -> mismatch(id).isPresent());

        await().atMost(Duration.ofSeconds(30)).until(() -> repairRound().stream()
                .anyMatch(r -> id.equals(r.get("objectId")) && "gone".equals(r.get("outcome"))));
        // Later rounds (past the spacing) leave it alone: listed as gone after its one attempt.
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true);
        repairRound();
        repairRound();
        assertThat(mismatch(id)).get().satisfies(m -> assertThat(m).containsEntry("state", "gone")
                .containsEntry("repairAttempts", 1).containsEntry("lastRepairOutcome", "gone"));
    }

    @Test
    void anUpdateReceivedAfterSettlementReopensTheObjectUntilItsVersionSettles() {
        String id = objectId();
        Instant v1 = Instant.parse("2026-03-01T10:00:00Z");
        Instant v2 = Instant.parse("2026-03-01T10:05:00Z");
        receive(id, "orders/create", "order", "webhook", shopifyOrder(id, v1));
        await().atMost(Duration.ofSeconds(30)).until(() -> mismatch(id).isPresent());
        settle(id, "created", null, v1);
        await().atMost(Duration.ofSeconds(30)).until(() -> mismatch(id).isEmpty());

        // The same version again (a redelivered webhook, a poll's overlap) is no lost update.
        receive(id, "orders/updated", "order", "webhook", shopifyOrder(id, v1));
        String marker = objectId();
        receive(marker, "orders/create", "order", "webhook", shopifyOrder(marker, v1));
        await().atMost(Duration.ofSeconds(30)).until(() -> mismatchIds().contains(marker));
        assertThat(mismatchIds()).doesNotContain(id);

        // A newer version that no result settles: re-opened, a mismatch after the grace period.
        receive(id, "orders/updated", "order", "webhook", shopifyOrder(id, v2));
        await().atMost(Duration.ofSeconds(30)).until(() -> mismatch(id).isPresent());
        assertThat(mismatch(id)).get().satisfies(m -> assertThat(m).containsEntry("reason", "update-unsettled")
                .containsEntry("state", "waiting").containsKey("lastSettledAt"));

        // A late result of the older version does not close it; the newer one does.
        settle(id, "updated", null, v1);
        settle(marker, "created", null, v1);
        await().atMost(Duration.ofSeconds(30)).until(() -> !mismatchIds().contains(marker));
        assertThat(mismatchIds()).contains(id);
        settle(id, "updated", null, v2);
        await().atMost(Duration.ofSeconds(30)).until(() -> mismatch(id).isEmpty());
    }

    @Test
    void aSettledOrderWhoseDealIsMissingFromTheCrmIsReopenedAndRepairedWhileAPresentOneCountsPresent() {
        String present = objectId();
        String missing = objectId();
        seed(missing);
        upsertDeal(STORE + ":" + present);
        for (String id : List.of(present, missing)) {
            receive(id, "orders/create", "order", "webhook", JsonNodeFactory.instance.objectNode().put("id", Long.parseLong(id)));
            settle(id, "created", null, Instant.now());
        }
        double presentBefore = counter("present");

        // Least recently checked first: a few rounds reach these two whatever other tests left settled.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            given().auth().oauth2(JwtTokens.operator()).post("/admin/mismatches/crm-check?tenant=acme")
                    .then().statusCode(200);
            return mismatch(missing).isPresent() && counter("present") > presentBefore;
        });
        assertThat(mismatch(missing)).get().satisfies(m -> assertThat(m).containsEntry("reason", "crm-missing")
                .containsEntry("state", "waiting"));
        assertThat(mismatchIds()).doesNotContain(present);
        assertThat(counter("missing")).isGreaterThanOrEqualTo(1.0);

        try (TopicProbe probe = TopicProbe.open(bootstrapServers, Topics.WEBHOOK_RECEIVED)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> repairRound().stream()
                    .anyMatch(r -> missing.equals(r.get("objectId")) && "replayed".equals(r.get("outcome"))));
            assertThat(probe.poll(Duration.ofSeconds(2))).filteredOn(r -> r.key().endsWith("/order/" + missing))
                    .singleElement().satisfies(r -> assertThat(r.headers()).containsEntry("ce_origin", "replay"));
        }
        settle(missing, "created", null, simulator.updatedAt(STORE, missing));
        await().atMost(Duration.ofSeconds(30)).until(() -> mismatch(missing).isEmpty());
    }

    @Test
    void repairAndCrmCheckRoundsNeedAnOperatorAndAKnownTenant() {
        given().post("/admin/mismatches/repair?tenant=acme").then().statusCode(401);
        given().auth().oauth2(JwtTokens.viewer()).post("/admin/mismatches/repair?tenant=acme").then().statusCode(403);
        given().auth().oauth2(JwtTokens.operator()).post("/admin/mismatches/crm-check?tenant=nobody").then().statusCode(400);
        // Dry-run tenants are never sampled: nothing was written to their CRM.
        given().auth().oauth2(JwtTokens.operator()).post("/admin/mismatches/crm-check?tenant=" + TestTenants.UMBRELLA)
                .then().statusCode(200).body("skipped", org.hamcrest.Matchers.equalTo("dry-run"));
    }

    private JsonNode seed(String id) {
        return simulator.putOrderSilently(STORE, id, SimulatorClient.order(id, "2026-02-01T10:00:00-05:00"));
    }

    private static JsonNode shopifyOrder(String id, Instant updatedAt) {
        return JsonNodeFactory.instance.objectNode().put("id", Long.parseLong(id)).put("updated_at", updatedAt.toString());
    }

    private static List<Map<String, Object>> repairRound() {
        return given().auth().oauth2(JwtTokens.operator()).post("/admin/mismatches/repair?tenant=acme")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static double counter(String outcome) {
        double value = AccountingEvents.metric("crmsync_reconcile_crm_checks_total", "outcome=\"" + outcome + "\"");
        return Double.isNaN(value) ? 0 : value;
    }

    /** The deal as the crm-writer would have written it (HubSpot batch upsert by the order ref). */
    private void upsertDeal(String orderRef) {
        String body = """
                {"inputs":[{"idProperty":"crmsync_order_ref","id":"%s","properties":{"crmsync_order_ref":"%s","dealname":"Order %s"}}]}
                """.formatted(orderRef, orderRef, orderRef);
        HttpRequest request = HttpRequest.newBuilder(URI.create(crmSandboxUrl + "/acme/crm/v3/objects/deals/batch/upsert"))
                .header("Authorization", "Bearer " + TestTenants.ACME_HUBSPOT_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
