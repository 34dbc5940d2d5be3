package io.crmsync.reconciler.accounting;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.crmsync.contract.EventCodec;
import io.crmsync.contract.EventType;
import io.crmsync.contract.Topics;
import io.crmsync.contract.control.TenantControl;
import io.crmsync.reconciler.SimulatorClient;
import io.crmsync.testkit.CrmSyncTestResource;
import io.crmsync.testkit.JwtTokens;
import io.crmsync.testkit.TestTenants;
import io.crmsync.testkit.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.crmsync.reconciler.accounting.AccountingEvents.mismatch;
import static io.crmsync.reconciler.accounting.AccountingEvents.objectId;
import static io.crmsync.reconciler.accounting.AccountingEvents.receive;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/**
 * A tenant paused on {@code control.tenant.v1} (its CRM writes held by the crm-writer) is neither
 * repaired nor sampled, and its mismatches are listed as paused; once an active record follows, the
 * next round repairs it. Real broker, database, storefront simulator and CRM sandbox; globex (its
 * BigCommerce store) is paused while acme goes on.
 */
@QuarkusTest
@WithTestResource(value = CrmSyncTestResource.class, initArgs = @ResourceArg(name = "apps", value = "storefront-simulator,crm-sandbox"))
class TenantPauseTest {

    private static final String GLOBEX = TestTenants.GLOBEX;
    private static final String GLOBEX_BC = TestTenants.GLOBEX_BC;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "crmsync.test.storefront-simulator-url")
    String simulatorUrl;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @Inject
    MismatchRepairService repairs;

    private final EventCodec codec = new EventCodec();

    /** Other tests poll every store and expect globex-bc empty, and globex active. */
    @AfterEach
    void leaveGlobexAsFound() {
        new SimulatorClient(simulatorUrl).clear(GLOBEX_BC);
        control(TenantControl.State.ACTIVE, TenantControl.REASON_OPERATOR);
    }

    @Test
    void aPausedTenantIsNeitherRepairedNorSampledUntilAnActiveRecordResumesIt() {
        SimulatorClient simulator = new SimulatorClient(simulatorUrl);
        simulator.fault(GLOBEX_BC, "none");
        simulator.fault(AccountingEvents.STORE, "none");
        String held = objectId();
        String lost = objectId();
        simulator.putSilently(GLOBEX_BC, "orders", held, bigCommerceOrder(held));
        simulator.putOrderSilently(AccountingEvents.STORE, lost, SimulatorClient.order(lost, "2026-02-01T10:00:00-05:00"));
        receive(GLOBEX, "bigcommerce", GLOBEX_BC, held, "store/order/created", "order", "webhook",
                JsonNodeFactory.instance.objectNode().put("id", Long.parseLong(held)));
        receive(lost, "orders/create", "order", "webhook", JsonNodeFactory.instance.objectNode().put("id", Long.parseLong(lost)));

        // A record that breaks the contract is skipped; the pause behind it still applies.
        TopicProbe.send(bootstrapServers, Topics.CONTROL_TENANT, GLOBEX,
                "{\"tenant\":\"globex\",\"state\":\"frozen\"}".getBytes(StandardCharsets.UTF_8),
                AccountingEvents.headers(EventType.TENANT_CONTROL, GLOBEX, null));
        control(TenantControl.State.PAUSED, TenantControl.REASON_AUTH);
        await().atMost(WAIT).until(() -> operatorRound("repair").statusCode() == 409);
        operatorRound("repair").then().body("error", containsString("paused"));
        operatorRound("crm-check").then().statusCode(409).body("error", containsString("tenant globex is paused"));

        await().atMost(WAIT).until(() -> mismatch(GLOBEX, held).isPresent() && mismatch(lost).isPresent());
        assertThat(mismatch(GLOBEX, held)).get().satisfies(m -> assertThat(m)
                .containsEntry("state", "paused").containsEntry("repairAttempts", 0));

        // The automatic round replays acme's lost order and leaves the paused tenant's alone.
        try (TopicProbe probe = TopicProbe.open(bootstrapServers, Topics.WEBHOOK_RECEIVED)) {
            repairs.repairAll();
            List<String> keys = probe.poll(Duration.ofSeconds(2)).stream().map(TopicProbe.Received::key).toList();
            assertThat(keys).contains("acme/" + AccountingEvents.STORE + "/order/" + lost)
                    .doesNotContain(GLOBEX + "/" + GLOBEX_BC + "/order/" + held);
        }
        assertThat(mismatch(lost)).get().satisfies(m -> assertThat(m).containsEntry("repairAttempts", 1));
        assertThat(mismatch(GLOBEX, held)).get().satisfies(m -> assertThat(m)
                .containsEntry("state", "paused").containsEntry("repairAttempts", 0).containsEntry("lastRepairOutcome", null));

        // Resumed: the next round replays it (listed waiting again first).
        control(TenantControl.State.ACTIVE, TenantControl.REASON_OPERATOR);
        await().atMost(WAIT).until(() -> mismatch(GLOBEX, held).map(m -> "waiting".equals(m.get("state"))).orElse(false));
        try (TopicProbe probe = TopicProbe.open(bootstrapServers, Topics.WEBHOOK_RECEIVED)) {
            List<Object> outcomes = operatorRound("repair").then().statusCode(200).extract().jsonPath()
                    .getList("findAll { it.objectId == '" + held + "' }.outcome");
            assertThat(outcomes).containsExactly("replayed");
            assertThat(probe.poll(Duration.ofSeconds(2))).filteredOn(r -> r.key().equals(GLOBEX + "/" + GLOBEX_BC + "/order/" + held))
                    .singleElement().satisfies(r -> assertThat(r.headers()).containsEntry("ce_origin", "replay"));
        }
        assertThat(mismatch(GLOBEX, held)).get().satisfies(m -> assertThat(m)
                .containsEntry("state", "repairing").containsEntry("repairAttempts", 1));
    }

    private void control(TenantControl.State state, String reason) {
        TenantControl control = new TenantControl(GLOBEX, state, reason, "test", Instant.now(), "crm-writer");
        TopicProbe.send(bootstrapServers, Topics.CONTROL_TENANT, control.kafkaKey(),
                codec.encode(EventType.TENANT_CONTROL, control), AccountingEvents.headers(EventType.TENANT_CONTROL, GLOBEX, null));
    }

    private static Response operatorRound(String round) {
        return given().auth().oauth2(JwtTokens.operator()).post("/admin/mismatches/" + round + "?tenant=" + GLOBEX);
    }

    /** A BigCommerce v2 order as its admin API returns it (the simulator stamps {@code date_modified}). */
    private static String bigCommerceOrder(String id) {
        return """
                {"id": %s, "status_id": 11, "status": "Awaiting Fulfillment", "currency_code": "USD",
                 "total_inc_tax": "25.0000", "date_created": "Sun, 01 Feb 2026 10:00:00 +0000",
                 "billing_address": {"first_name": "Ada", "last_name": "Buyer", "email": "buyer%s@example.com"},
                 "products": [{"id": %s01, "sku": "MUG-BLUE", "quantity": 1, "price_inc_tax": "25.0000"}]}
                """.formatted(id, id, id);
    }
}
