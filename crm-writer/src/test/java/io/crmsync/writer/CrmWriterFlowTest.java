package io.crmsync.writer;

import io.crmsync.contract.command.CrmRecordUpsert;
import io.crmsync.contract.command.SyncMode;
import io.crmsync.testkit.CrmSyncTestResource;
import io.crmsync.writer.repository.PendingAssociationRepository;
import io.crmsync.writer.repository.WriteAuditRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.crmsync.writer.WriterTestSupport.ACME;
import static io.crmsync.writer.WriterTestSupport.associations;
import static io.crmsync.writer.WriterTestSupport.automationsFired;
import static io.crmsync.writer.WriterTestSupport.contact;
import static io.crmsync.writer.WriterTestSupport.deal;
import static io.crmsync.writer.WriterTestSupport.objectWith;
import static io.crmsync.writer.WriterTestSupport.objectsWith;
import static io.crmsync.writer.WriterTestSupport.properties;
import static io.crmsync.writer.WriterTestSupport.send;
import static io.crmsync.writer.WriterTestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/** Commands on the real broker, written by the writer to the real CRM sandbox (account acme). */
@QuarkusTest
@WithTestResource(value = CrmSyncTestResource.class, initArgs = @ResourceArg(name = "apps", value = "crm-sandbox"))
class CrmWriterFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    PendingAssociationRepository pending;

    @Inject
    WriteAuditRepository audit;

    @Test
    void contactThenDealEndInOneContactAndOneAssociatedDeal() {
        String key = "gr-" + unique();
        String email = key + "@example.com";
        send(contact(key, email, "Zoë"));
        Map<String, Object> contact = await().atMost(WAIT)
                .until(() -> objectWith("contacts", "crmsync_contact_key", key), Optional::isPresent).get();
        assertThat(properties(contact)).containsEntry("email", email).containsEntry("firstname", "Zoë");

        CrmRecordUpsert deal = deal(SyncMode.LIVE, key);
        send(deal);

        Map<String, Object> written = await().atMost(WAIT)
                .until(() -> objectWith("deals", "crmsync_order_ref", deal.recordKey()),
                        d -> d.isPresent() && !associations(d.get(), "contacts").isEmpty()).get();
        assertThat(properties(written))
                .containsEntry("crmsync_order_ref", deal.recordKey())
                .containsEntry("crmsync_sync_mode", "live")
                .containsEntry("dealstage", "closedwon")
                .containsEntry("pipeline", "default")
                .containsEntry("amount", "194.00")
                .containsEntry("deal_currency_code", "EUR");
        assertThat(associations(written, "contacts")).containsExactly((String) contact.get("id"));
        assertThat(objectsWith("contacts", "crmsync_contact_key", key)).hasSize(1);
        assertThat(objectsWith("contacts", "email", email)).hasSize(1);

        RestAssured.get("/q/metrics").then().statusCode(200)
                .body(containsString("crmsync_crm_writes_total{object_type=\"deal\",outcome=\"created\",tenant=\"acme\"}"))
                .body(containsString("crmsync_crm_api_calls_total{endpoint=\"POST /crm/v3/objects/deals/batch/upsert\",status=\"200\",tenant=\"acme\"}"))
                .body(containsString("crmsync_sync_latency_seconds_bucket{"))
                .body(containsString("crmsync_sync_latency_seconds_count{sync_mode=\"live\",tenant=\"acme\"}"));
    }

    @Test
    void dealArrivingBeforeItsContactEndsAssociated() {
        String key = "gr-" + unique();
        CrmRecordUpsert deal = deal(SyncMode.LIVE, key);
        send(deal);

        await().atMost(WAIT).until(() -> objectWith("deals", "crmsync_order_ref", deal.recordKey()).isPresent());
        await().atMost(WAIT).until(() -> pendingTo(key) == 1);
        assertThat(associations(objectWith("deals", "crmsync_order_ref", deal.recordKey()).orElseThrow(), "contacts"))
                .isEmpty();

        send(contact(key, key + "@example.com", "Late"));

        Map<String, Object> contact = await().atMost(WAIT)
                .until(() -> objectWith("contacts", "crmsync_contact_key", key), Optional::isPresent).get();
        await().atMost(WAIT).until(() -> associations(
                objectWith("deals", "crmsync_order_ref", deal.recordKey()).orElseThrow(), "contacts"),
                ids -> ids.equals(List.of((String) contact.get("id"))));
        await().atMost(WAIT).until(() -> pendingTo(key) == 0);
        assertThat(associations(objectWith("contacts", "crmsync_contact_key", key).orElseThrow(), "deals"))
                .containsExactly((String) objectWith("deals", "crmsync_order_ref", deal.recordKey()).orElseThrow().get("id"));
    }

    @Test
    void theSameDealCommandThreeTimesIsOneDeal() {
        CrmRecordUpsert deal = deal(SyncMode.LIVE);
        send(deal);
        send(deal);
        send(deal);

        // Each of the three records was written (created, updated or coalesced into another).
        await().atMost(WAIT).until(() -> successfulUpserts(deal.commandId()) == 3);
        assertThat(objectsWith("deals", "crmsync_order_ref", deal.recordKey())).hasSize(1);
    }

    @Test
    void aBackfilledDealFiresNoAutomationWhileALiveOneDoes() {
        int before = automationsFired();
        CrmRecordUpsert backfill = deal(SyncMode.BACKFILL);
        send(backfill);
        Map<String, Object> written = await().atMost(WAIT)
                .until(() -> objectWith("deals", "crmsync_order_ref", backfill.recordKey()), Optional::isPresent)
                .get();
        assertThat(properties(written)).containsEntry("crmsync_sync_mode", "backfill");
        assertThat(automationsFired()).isEqualTo(before);

        CrmRecordUpsert live = deal(SyncMode.LIVE);
        send(live);
        await().atMost(WAIT).until(() -> objectWith("deals", "crmsync_order_ref", live.recordKey()).isPresent());
        assertThat(automationsFired()).isEqualTo(before + 1);
    }

    private long pendingTo(String contactKey) {
        return QuarkusTransaction.requiringNew().call(() ->
                pending.count("tenant = ?1 and toObjectType = ?2 and toRecordKey = ?3", ACME, CrmRecordUpsert.CONTACT, contactKey));
    }

    private long successfulUpserts(String commandId) {
        return QuarkusTransaction.requiringNew().call(() ->
                audit.count("commandId = ?1 and operation = 'upsert' and outcome in ('created', 'updated', 'coalesced')",
                        commandId));
    }
}
