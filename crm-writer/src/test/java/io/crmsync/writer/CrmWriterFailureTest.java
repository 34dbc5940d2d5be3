package io.crmsync.writer;

import io.crmsync.contract.CloudEventHeaders;
import io.crmsync.contract.Topics;
import io.crmsync.contract.command.CrmRecordUpsert;
import io.crmsync.testkit.CrmSyncTestResource;
import io.crmsync.testkit.TopicProbe;
import io.crmsync.writer.repository.WriteAuditRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.crmsync.writer.WriterTestSupport.bootstrapServers;
import static io.crmsync.writer.WriterTestSupport.contact;
import static io.crmsync.writer.WriterTestSupport.fault;
import static io.crmsync.writer.WriterTestSupport.noFault;
import static io.crmsync.writer.WriterTestSupport.objectWith;
import static io.crmsync.writer.WriterTestSupport.requestsWithStatus;
import static io.crmsync.writer.WriterTestSupport.send;
import static io.crmsync.writer.WriterTestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the writer does when the CRM fails: the sandbox's faults for account acme, the DLQ topic
 * and the audit trail. The test profile's retry schedule is about four seconds long.
 */
@QuarkusTest
@WithTestResource(value = CrmSyncTestResource.class, initArgs = @ResourceArg(name = "apps", value = "crm-sandbox"))
class CrmWriterFailureTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    WriteAuditRepository audit;

    @AfterEach
    void clearFault() {
        noFault();
    }

    @Test
    void aCommandSentDuringAnOutageIsWrittenOnceTheCrmRecovers() {
        int outagesBefore = requestsWithStatus(503);
        fault("{\"account\":\"acme\",\"mode\":\"outage\"}");
        String key = "gr-" + unique();
        CrmRecordUpsert command = contact(key, key + "@example.com", "Patient");
        send(command);

        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> requestsWithStatus(503) > outagesBefore);
        noFault();

        await().atMost(WAIT).until(() -> objectWith("contacts", "crmsync_contact_key", key).isPresent());
        await().atMost(WAIT).until(() -> outcomes(command.commandId()).contains("created"));
        assertThat(outcomes(command.commandId())).contains("failed").doesNotContain("dead-lettered");
    }

    @Test
    void aCommandThatOutlivesTheRetriesGoesToTheDlqAsRetryableExhausted() {
        try (TopicProbe dlq = TopicProbe.open(bootstrapServers(), Topics.dlq(Topics.CRM_RECORD_UPSERT))) {
            fault("{\"account\":\"acme\",\"mode\":\"outage\"}");
            String key = "gr-" + unique();
            CrmRecordUpsert command = contact(key, key + "@example.com", "Unlucky");
            send(command);

            TopicProbe.Received dead = awaitDeadLetter(dlq, command);
            assertThat(dead.headers()).containsEntry(CloudEventHeaders.DLQ_ERROR_CLASS, "retryable-exhausted")
                    .containsEntry(CloudEventHeaders.TYPE, "crm.contact.upsert.v1");
            assertThat(outcomes(command.commandId())).contains("failed", "dead-lettered");
            noFault();
            assertThat(objectWith("contacts", "crmsync_contact_key", key)).isEmpty();
        }
    }

    @Test
    void aRecordTheCrmRejectsGoesToTheDlqAsValidationWhileOthersAreWritten() {
        try (TopicProbe dlq = TopicProbe.open(bootstrapServers(), Topics.dlq(Topics.CRM_RECORD_UPSERT))) {
            String badKey = "gr-" + unique();
            String goodKey = "gr-" + unique();
            CrmRecordUpsert bad = contact(badKey, "not-an-email-address", "Broken");
            CrmRecordUpsert good = contact(goodKey, goodKey + "@example.com", "Fine");
            send(bad);
            send(good);

            TopicProbe.Received dead = awaitDeadLetter(dlq, bad);
            assertThat(dead.headers()).containsEntry(CloudEventHeaders.DLQ_ERROR_CLASS, "validation");
            await().atMost(WAIT).until(() -> objectWith("contacts", "crmsync_contact_key", goodKey).isPresent());
            assertThat(objectWith("contacts", "crmsync_contact_key", badKey)).isEmpty();
            assertThat(outcomes(bad.commandId())).contains("rejected", "dead-lettered");
        }
    }

    @Test
    void anExpiredTokenSendsTheCommandToTheDlqAsAuth() {
        try (TopicProbe dlq = TopicProbe.open(bootstrapServers(), Topics.dlq(Topics.CRM_RECORD_UPSERT))) {
            fault("{\"account\":\"acme\",\"mode\":\"auth\"}");
            String key = "gr-" + unique();
            CrmRecordUpsert command = contact(key, key + "@example.com", "Locked");
            send(command);

            TopicProbe.Received dead = awaitDeadLetter(dlq, command);
            assertThat(dead.headers()).containsEntry(CloudEventHeaders.DLQ_ERROR_CLASS, "auth");
        }
    }

    @Test
    void aRateLimitIsWaitedOutNotFailed() {
        int limitedBefore = requestsWithStatus(429);
        fault("{\"account\":\"acme\",\"mode\":\"rate-limit\",\"requests\":0,\"perSeconds\":1}");
        String key = "gr-" + unique();
        CrmRecordUpsert command = contact(key, key + "@example.com", "Waiting");
        send(command);

        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> requestsWithStatus(429) > limitedBefore);
        noFault();

        await().atMost(WAIT).until(() -> objectWith("contacts", "crmsync_contact_key", key).isPresent());
        await().atMost(WAIT).until(() -> outcomes(command.commandId()).contains("created"));
        assertThat(outcomes(command.commandId())).contains("rate-limited").doesNotContain("failed", "dead-lettered");
    }

    private static TopicProbe.Received awaitDeadLetter(TopicProbe dlq, CrmRecordUpsert command) {
        return await().atMost(WAIT).until(
                        () -> dlq.poll(Duration.ofMillis(200)).stream()
                                .filter(r -> command.kafkaKey().equals(r.key())).findFirst(),
                        java.util.Optional::isPresent)
                .get();
    }

    private List<String> outcomes(String commandId) {
        return QuarkusTransaction.requiringNew().call(() ->
                audit.list("commandId = ?1 order by id", commandId).stream().map(a -> a.outcome).toList());
    }
}
