package io.crmsync.writer;

import io.crmsync.contract.CloudEventHeaders;
import io.crmsync.contract.EventCodec;
import io.crmsync.contract.EventType;
import io.crmsync.contract.Topics;
import io.crmsync.contract.command.CrmRecordUpsert;
import io.crmsync.contract.control.TenantControl;
import io.crmsync.contract.result.CrmWriteResult;
import io.crmsync.testkit.CrmSyncTestResource;
import io.crmsync.testkit.JwtTokens;
import io.crmsync.testkit.TestTenants;
import io.crmsync.testkit.TopicProbe;
import io.crmsync.writer.control.TenantStates;
import io.crmsync.writer.repository.WriteAuditRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.crmsync.writer.WriterTestSupport.bootstrapServers;
import static io.crmsync.writer.WriterTestSupport.contact;
import static io.crmsync.writer.WriterTestSupport.fault;
import static io.crmsync.writer.WriterTestSupport.forTenant;
import static io.crmsync.writer.WriterTestSupport.objectOf;
import static io.crmsync.writer.WriterTestSupport.objectsOf;
import static io.crmsync.writer.WriterTestSupport.requestsOf;
import static io.crmsync.writer.WriterTestSupport.requestsTo;
import static io.crmsync.writer.WriterTestSupport.requestsWithStatus;
import static io.crmsync.writer.WriterTestSupport.send;
import static io.crmsync.writer.WriterTestSupport.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.awaitility.Awaitility.await;

/**
 * What each error class gets, and per-tenant isolation, against the CRM sandbox. Faults are put on
 * tenant hooli's account, and tenant acme keeps syncing meanwhile. The test profile's retry
 * schedule is 1 s, 2 s, 3 s.
 */
@QuarkusTest
@WithTestResource(value = CrmSyncTestResource.class, initArgs = @ResourceArg(name = "apps", value = "crm-sandbox"))
class CrmWriterLanesTest {

    private static final String HOOLI = TestTenants.HOOLI;
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final EventCodec CODEC = new EventCodec();

    @Inject
    WriteAuditRepository audit;

    @Inject
    TenantStates states;

    @AfterEach
    void clearFault() {
        fault(HOOLI, "none");
        if (states.paused(HOOLI)) {
            states.resume(HOOLI, "test cleanup", "test");
        }
    }

    @Test
    void anOutageOfOneTenantsCrmDelaysNobodyElseAndItsCommandsArriveAfterwards() {
        fault(HOOLI, "outage");
        int outagesBefore = requestsWithStatus(HOOLI, 503);
        String hooliKey = "gr-" + unique();
        CrmRecordUpsert hooliCommand = forTenant(contact(hooliKey, hooliKey + "@example.com", "Patient"), HOOLI);
        send(hooliCommand);
        await().atMost(WAIT).until(() -> requestsWithStatus(HOOLI, 503) > outagesBefore);

        // Same topic, maybe the same partition: acme's command is written while hooli's waits.
        String acmeKey = "gr-" + unique();
        send(contact(acmeKey, acmeKey + "@example.com", "Unhindered"));
        await().atMost(WAIT).until(() -> objectOf(TestTenants.ACME, "contacts", "crmsync_contact_key", acmeKey).isPresent());
        assertThat(objectOf(HOOLI, "contacts", "crmsync_contact_key", hooliKey)).isEmpty();

        fault(HOOLI, "none");
        await().atMost(WAIT).until(() -> objectOf(HOOLI, "contacts", "crmsync_contact_key", hooliKey).isPresent());
        await().atMost(WAIT).until(() -> outcomes(hooliCommand.commandId()).contains("created"));
        assertThat(outcomes(hooliCommand.commandId())).contains("failed", "retry-scheduled").doesNotContain("dead-lettered");
    }

    @Test
    void aCommandThatOutlivesTheRetryScheduleGoesToTheDlqAsRetryableExhausted() {
        try (TopicProbe dlq = TopicProbe.open(bootstrapServers(), Topics.dlq(Topics.CRM_RECORD_UPSERT));
             TopicProbe results = TopicProbe.open(bootstrapServers(), Topics.CRM_WRITE_RESULT)) {
            fault(HOOLI, "outage");
            String key = "gr-" + unique();
            CrmRecordUpsert command = forTenant(contact(key, key + "@example.com", "Unlucky"), HOOLI);
            send(command);

            TopicProbe.Received dead = awaitRecord(dlq, command.kafkaKey());
            assertThat(dead.headers()).containsEntry(CloudEventHeaders.DLQ_ERROR_CLASS, "retryable-exhausted")
                    .containsEntry(CloudEventHeaders.TYPE, "crm.contact.upsert.v1")
                    .containsEntry(CloudEventHeaders.TENANT, HOOLI);
            assertThat(CODEC.decode(EventType.CONTACT_UPSERT, dead.value())).isEqualTo(command);
            // The first attempt and three retries, each failing.
            assertThat(outcomes(command.commandId())).containsSubsequence("failed", "retry-scheduled", "failed",
                    "retry-scheduled", "failed", "retry-scheduled", "failed", "dead-lettered");
            CrmWriteResult result = CODEC.decode(EventType.WRITE_RESULT, awaitRecord(results, command.kafkaKey()).value());
            assertThat(result.outcome()).isEqualTo("dead-lettered");
            assertThat(result.errorClass()).isEqualTo("retryable-exhausted");
            assertThat(result.attempts()).isEqualTo(4);
            fault(HOOLI, "none");
            assertThat(objectOf(HOOLI, "contacts", "crmsync_contact_key", key)).isEmpty();
        }
    }

    @Test
    void aRecordTheCrmRejectsGoesToTheDlqAtOnceAsValidationWhileTheRestOfItsBatchIsWritten() {
        try (TopicProbe dlq = TopicProbe.open(bootstrapServers(), Topics.dlq(Topics.CRM_RECORD_UPSERT));
             TopicProbe results = TopicProbe.open(bootstrapServers(), Topics.CRM_WRITE_RESULT)) {
            String badKey = "gr-" + unique();
            String goodKey = "gr-" + unique();
            CrmRecordUpsert bad = contact(badKey, "not-an-email-address", "Broken");
            CrmRecordUpsert good = contact(goodKey, goodKey + "@example.com", "Fine");
            send(bad);
            send(good);

            TopicProbe.Received dead = awaitRecord(dlq, bad.kafkaKey());
            assertThat(dead.headers()).containsEntry(CloudEventHeaders.DLQ_ERROR_CLASS, "validation");
            await().atMost(WAIT).until(() -> objectOf(TestTenants.ACME, "contacts", "crmsync_contact_key", goodKey).isPresent());
            assertThat(objectOf(TestTenants.ACME, "contacts", "crmsync_contact_key", badKey)).isEmpty();
            assertThat(outcomes(bad.commandId())).contains("rejected", "dead-lettered").doesNotContain("retry-scheduled");
            CrmWriteResult written = CODEC.decode(EventType.WRITE_RESULT, awaitRecord(results, good.kafkaKey()).value());
            assertThat(written.outcome()).isEqualTo("created");
            assertThat(written.crmId()).isNotBlank();
            assertThat(written.source()).isEqualTo(good.source());
        }
    }

    @Test
    void anAuthFailurePausesTheTenantUntilAnOperatorResumesItAndThenNothingIsLost() {
        try (TopicProbe control = TopicProbe.open(bootstrapServers(), Topics.CONTROL_TENANT);
             TopicProbe dlq = TopicProbe.open(bootstrapServers(), Topics.dlq(Topics.CRM_RECORD_UPSERT))) {
            fault(HOOLI, "auth");
            String first = "gr-" + unique();
            String second = "gr-" + unique();
            CrmRecordUpsert locked = forTenant(contact(first, first + "@example.com", "Locked"), HOOLI);
            send(locked);

            TenantControl paused = CODEC.decode(EventType.TENANT_CONTROL, awaitRecord(control, HOOLI).value());
            assertThat(paused.state()).isEqualTo(TenantControl.State.PAUSED);
            assertThat(paused.reason()).isEqualTo("auth");
            await().atMost(WAIT).until(() -> "paused".equals(given().auth().oauth2(JwtTokens.viewer())
                    .get("/admin/tenants/" + HOOLI).then().statusCode(200).extract().path("state")));
            given().auth().oauth2(JwtTokens.viewer()).get("/admin/tenants/" + HOOLI).then()
                    .body("reason", equalTo("auth"));

            // Fail closed: while paused, nothing more is sent for the tenant, even once the CRM works.
            fault(HOOLI, "none");
            int requestsWhilePaused = requestsOf(HOOLI);
            send(forTenant(contact(second, second + "@example.com", "Waiting"), HOOLI));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                    .until(() -> requestsOf(HOOLI) == requestsWhilePaused);
            assertThat(outcomes(locked.commandId())).contains("paused").doesNotContain("dead-lettered");

            // Only an operator resumes.
            given().auth().oauth2(JwtTokens.viewer()).contentType("application/json").body("{}")
                    .post("/admin/tenants/" + HOOLI + "/resume").then().statusCode(403);
            given().auth().oauth2(JwtTokens.operator()).contentType("application/json")
                    .body("{\"message\":\"credentials renewed\"}")
                    .post("/admin/tenants/" + HOOLI + "/resume").then().statusCode(200)
                    .body("state", equalTo("active")).body("changedBy", notNullValue());
            await().atMost(WAIT).until(() -> objectOf(HOOLI, "contacts", "crmsync_contact_key", first).isPresent()
                    && objectOf(HOOLI, "contacts", "crmsync_contact_key", second).isPresent());
            assertThat(dlq.poll(Duration.ofMillis(500))).noneMatch(r -> r.key().startsWith(HOOLI + "/"));
        }
    }

    @Test
    void anOperatorPausesATenantAndItsCommandsWaitUntilTheResume() {
        given().get("/admin/tenants").then().statusCode(401);
        given().auth().oauth2(JwtTokens.operator()).contentType("application/json").body("{\"message\":\"maintenance\"}")
                .post("/admin/tenants/" + HOOLI + "/pause").then().statusCode(200)
                .body("state", equalTo("paused")).body("reason", equalTo("operator"));
        given().auth().oauth2(JwtTokens.operator()).contentType("application/json").body("{}")
                .post("/admin/tenants/nobody/pause").then().statusCode(404);
        String key = "gr-" + unique();
        send(forTenant(contact(key, key + "@example.com", "Later"), HOOLI));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> objectOf(HOOLI, "contacts", "crmsync_contact_key", key).isEmpty());
        assertThat(given().auth().oauth2(JwtTokens.viewer()).get("/admin/tenants").then().statusCode(200)
                .extract().jsonPath().getList("tenant")).contains(TestTenants.ACME, HOOLI, TestTenants.UMBRELLA);

        given().auth().oauth2(JwtTokens.operator()).contentType("application/json").body("{}")
                .post("/admin/tenants/" + HOOLI + "/resume").then().statusCode(200);
        await().atMost(WAIT).until(() -> objectOf(HOOLI, "contacts", "crmsync_contact_key", key).isPresent());
    }

    @Test
    void commandsForOneRecordCoalesceIntoTheNewestAndBatchesFillToTheCrmsMaximum() {
        // Paused, the lane lets commands pile up as a burst or a backlog would; resumed, it drains them.
        states.pause(HOOLI, "collect a backlog", "test");
        String key = "gr-" + unique();
        List<CrmRecordUpsert> updates = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            updates.add(forTenant(contact(key, key + "@example.com", "Version" + i), HOOLI));
        }
        updates.forEach(WriterTestSupport::send);
        for (int i = 0; i < 149; i++) {
            String other = "gr-" + unique();
            send(forTenant(contact(other, other + "@example.com", "Backlog"), HOOLI));
        }
        int upsertCallsBefore = requestsTo(HOOLI, "POST /crm/v3/objects/contacts/batch/upsert");

        states.resume(HOOLI, "drain it", "test");
        await().atMost(WAIT).until(() -> objectsOf(HOOLI, "contacts").size() >= 150
                && objectOf(HOOLI, "contacts", "crmsync_contact_key", key).isPresent());
        // 150 records: one batch of 100 (HubSpot's maximum) and one of 50.
        assertThat(requestsTo(HOOLI, "POST /crm/v3/objects/contacts/batch/upsert") - upsertCallsBefore).isEqualTo(2);
        assertThat(WriterTestSupport.properties(objectOf(HOOLI, "contacts", "crmsync_contact_key", key).orElseThrow()))
                .containsEntry("firstname", "Version5");
        await().atMost(WAIT).until(() -> outcomes(updates.get(4).commandId()).contains("created"));
        for (CrmRecordUpsert older : updates.subList(0, 4)) {
            assertThat(outcomes(older.commandId())).containsExactly("coalesced");
        }
    }

    @Test
    void aRateLimitIsWaitedOutNotFailed() {
        int limitedBefore = requestsWithStatus(HOOLI, 429);
        fault("{\"account\":\"hooli\",\"mode\":\"rate-limit\",\"requests\":0,\"perSeconds\":1}");
        String key = "gr-" + unique();
        CrmRecordUpsert command = forTenant(contact(key, key + "@example.com", "Waiting"), HOOLI);
        send(command);

        await().atMost(WAIT).until(() -> requestsWithStatus(HOOLI, 429) > limitedBefore);
        fault(HOOLI, "none");

        await().atMost(WAIT).until(() -> objectOf(HOOLI, "contacts", "crmsync_contact_key", key).isPresent());
        await().atMost(WAIT).until(() -> outcomes(command.commandId()).contains("created"));
        assertThat(outcomes(command.commandId())).contains("rate-limited")
                .doesNotContain("failed", "retry-scheduled", "dead-lettered");
    }

    @Test
    void aDryRunTenantsWritesAreComputedAndAuditedButNeverSent() {
        try (TopicProbe results = TopicProbe.open(bootstrapServers(), Topics.CRM_WRITE_RESULT)) {
            String key = "gr-" + unique();
            CrmRecordUpsert command = forTenant(contact(key, key + "@example.com", "Shadow"), TestTenants.UMBRELLA);
            send(command);

            CrmWriteResult result = CODEC.decode(EventType.WRITE_RESULT, awaitRecord(results, command.kafkaKey()).value());
            assertThat(result.outcome()).isEqualTo("dry-run");
            String detail = QuarkusTransaction.requiringNew().call(() ->
                    audit.list("commandId = ?1", command.commandId()).get(0).detail);
            assertThat(detail).contains("\"objectType\":\"contacts\"").contains("\"crmsync_contact_key\"")
                    .contains("\"firstname\":\"Shadow\"");
            assertThat(requestsOf(TestTenants.UMBRELLA)).isZero();
            assertThat(objectsOf(TestTenants.UMBRELLA, "contacts")).isEmpty();
        }
    }

    private static TopicProbe.Received awaitRecord(TopicProbe probe, String key) {
        List<TopicProbe.Received> seen = new ArrayList<>();
        return await().atMost(WAIT).until(() -> {
            seen.addAll(probe.poll(Duration.ofMillis(200)));
            return seen.stream().filter(r -> key.equals(r.key())).findFirst();
        }, Optional::isPresent).get();
    }

    private List<String> outcomes(String commandId) {
        return QuarkusTransaction.requiringNew().call(() ->
                audit.list("commandId = ?1 order by id", commandId).stream().map(a -> a.outcome).toList());
    }
}
