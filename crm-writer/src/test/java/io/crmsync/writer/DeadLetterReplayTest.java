package io.crmsync.writer;

import io.crmsync.contract.CloudEventHeaders;
import io.crmsync.contract.Topics;
import io.crmsync.contract.command.CrmRecordUpsert;
import io.crmsync.testkit.CrmSyncTestResource;
import io.crmsync.testkit.JwtTokens;
import io.crmsync.testkit.TestTenants;
import io.crmsync.testkit.TopicProbe;
import io.crmsync.writer.repository.DlqReplayRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.crmsync.writer.WriterTestSupport.bootstrapServers;
import static io.crmsync.writer.WriterTestSupport.contact;
import static io.crmsync.writer.WriterTestSupport.objectWith;
import static io.crmsync.writer.WriterTestSupport.objectsWith;
import static io.crmsync.writer.WriterTestSupport.send;
import static io.crmsync.writer.WriterTestSupport.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/**
 * Listing and replaying dead letters of crm.record.upsert.v1.dlq through the admin API: a command
 * dead-lettered for real, and dead letters put on the DLQ topic exactly as the writer writes them
 * (so that the CRM accepts them when replayed).
 */
@QuarkusTest
@WithTestResource(value = CrmSyncTestResource.class, initArgs = @ResourceArg(name = "apps", value = "crm-sandbox"))
class DeadLetterReplayTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String EXHAUSTED = "retryable-exhausted";

    @Inject
    DlqReplayRepository replays;

    @Test
    void aCommandTheCrmRefusesIsListedAndItsReplayIsProcessedLikeAnyCommand() {
        Instant from = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String key = "gr-" + unique();
        CrmRecordUpsert refused = contact(key, "not-an-email-address", "Refused");
        send(refused);

        Map<String, Object> listed = await().atMost(WAIT).until(
                () -> deadLetters("tenant", "acme", "from", from.toString(), "errorClass", "validation").stream()
                        .filter(d -> refused.kafkaKey().equals(d.get("key"))).findFirst(),
                Optional::isPresent).get();
        assertThat(listed).containsEntry("ceType", "crm.contact.upsert.v1").containsEntry("errorClass", "validation")
                .containsEntry("replayed", false).containsEntry("replayedAt", null).containsEntry("replayId", null)
                .containsKeys("partition", "offset", "ceId");
        assertThat((String) listed.get("errorMessage")).isNotBlank();
        assertThat(deadLetters("tenant", "globex", "from", from.toString())).extracting(d -> d.get("key"))
                .doesNotContain(refused.kafkaKey());

        try (TopicProbe dlq = TopicProbe.open(bootstrapServers(), DeadLetterFixtures.DLQ)) {
            Instant stamp = Instant.parse((String) listed.get("timestamp"));
            JsonPath replay = replay("acme", stamp, stamp.plusMillis(1), "validation", false);
            assertThat(replay.getInt("matched")).isEqualTo(1);
            assertThat(replay.getInt("replayed")).isEqualTo(1);
            String replayId = replay.getString("replayId");

            // The writer consumed the replayed command, the CRM refused it again, and the new dead
            // letter says which replay brought it back.
            TopicProbe.Received again = await().atMost(WAIT).until(() -> dlq.poll(Duration.ofMillis(200)).stream()
                    .filter(r -> refused.kafkaKey().equals(r.key())).findFirst(), Optional::isPresent).get();
            assertThat(again.headers()).containsEntry(DeadLetterFixtures.REPLAY_ID, replayId)
                    .containsEntry(CloudEventHeaders.ORIGIN, "replay")
                    .containsEntry(CloudEventHeaders.DLQ_ERROR_CLASS, "validation");

            Map<String, Object> original = deadLetters("tenant", "acme", "from", stamp.toString(), "to",
                    stamp.plusMillis(1).toString(), "errorClass", "validation").stream()
                    .filter(d -> refused.kafkaKey().equals(d.get("key"))).findFirst().orElseThrow();
            assertThat(original).containsEntry("replayed", true).containsEntry("replayId", replayId);
            assertThat(original.get("replayedAt")).isNotNull();
        }
    }

    @Test
    void aReplayByTenantRangeAndClassLandsInTheCrmOnceUnlessForced() {
        String a1 = "gr-" + unique();
        String a2 = "gr-" + unique();
        String a3 = "gr-" + unique();
        String g1 = "gr-" + unique();
        CrmRecordUpsert first = DeadLetterFixtures.contact(TestTenants.ACME, a1);
        CrmRecordUpsert second = DeadLetterFixtures.contact(TestTenants.ACME, a2);
        CrmRecordUpsert otherClass = DeadLetterFixtures.contact(TestTenants.ACME, a3);
        CrmRecordUpsert otherTenant = DeadLetterFixtures.contact(TestTenants.GLOBEX, g1);
        double replayedBefore = replayedMetric(EXHAUSTED);

        try (TopicProbe input = TopicProbe.open(bootstrapServers(), Topics.CRM_RECORD_UPSERT)) {
            Instant from = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            Map<String, String> firstHeaders = DeadLetterFixtures.deadLetter(first, EXHAUSTED, "HTTP 503 from the CRM");
            DeadLetterFixtures.deadLetter(second, EXHAUSTED, "HTTP 503 from the CRM");
            DeadLetterFixtures.deadLetter(otherClass, "auth", "HTTP 401 from the CRM");
            DeadLetterFixtures.deadLetter(otherTenant, EXHAUSTED, "HTTP 503 from the CRM");
            Instant to = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusMillis(1);

            JsonPath listing = deadLetterPage("tenant", "acme", "from", from.toString(), "to", to.toString());
            assertThat(listing.getList("items.key", String.class))
                    .containsExactly(first.kafkaKey(), second.kafkaKey(), otherClass.kafkaKey());
            assertThat(listing.getBoolean("truncated")).isFalse();
            assertThat(deadLetterPage("tenant", "acme", "from", from.toString(), "to", to.toString(), "limit", "1")
                    .getBoolean("truncated")).isTrue();

            JsonPath replay = replay("acme", from, to, EXHAUSTED, false);
            assertThat(replay.getInt("matched")).isEqualTo(2);
            assertThat(replay.getInt("replayed")).isEqualTo(2);
            assertThat(replay.getInt("skippedAlreadyReplayed")).isZero();
            String replayId = replay.getString("replayId");

            await().atMost(WAIT).until(() -> objectWith("contacts", "crmsync_contact_key", a1).isPresent()
                    && objectWith("contacts", "crmsync_contact_key", a2).isPresent());
            List<TopicProbe.Received> republished = replayed(input, replayId, 2);
            assertThat(republished).extracting(TopicProbe.Received::key)
                    .containsExactlyInAnyOrder(first.kafkaKey(), second.kafkaKey());
            TopicProbe.Received firstAgain = republished.stream().filter(r -> first.kafkaKey().equals(r.key()))
                    .findFirst().orElseThrow();
            assertThat(firstAgain.value()).isEqualTo(DeadLetterFixtures.encode(first));
            assertThat(firstAgain.headers()).containsEntry(CloudEventHeaders.ORIGIN, "replay")
                    .containsEntry(DeadLetterFixtures.REPLAY_ID, replayId)
                    .containsEntry(CloudEventHeaders.ID, firstHeaders.get(CloudEventHeaders.ID))
                    .containsEntry(CloudEventHeaders.TYPE, "crm.contact.upsert.v1")
                    .containsEntry(CloudEventHeaders.TENANT, "acme")
                    .doesNotContainKeys(CloudEventHeaders.DLQ_ERROR_CLASS, CloudEventHeaders.DLQ_ERROR_MESSAGE,
                            "dead-letter-reason", "dead-letter-topic", "dead-letter-offset");

            // The same request again: both were replayed already.
            JsonPath again = replay("acme", from, to, EXHAUSTED, false);
            assertThat(again.getInt("matched")).isEqualTo(2);
            assertThat(again.getInt("replayed")).isZero();
            assertThat(again.getInt("skippedAlreadyReplayed")).isEqualTo(2);
            // The answer comes after the broker's acknowledgements: anything published would be there.
            assertThat(input.poll(Duration.ofSeconds(1))).noneMatch(r -> again.getString("replayId")
                    .equals(r.headers().get(DeadLetterFixtures.REPLAY_ID)));

            // Forced: replayed again, and written again as an update of the same contact.
            JsonPath forced = replay("acme", from, to, EXHAUSTED, true);
            assertThat(forced.getInt("replayed")).isEqualTo(2);
            assertThat(forced.getInt("skippedAlreadyReplayed")).isZero();
            assertThat(replayed(input, forced.getString("replayId"), 2)).extracting(TopicProbe.Received::key)
                    .containsExactlyInAnyOrder(first.kafkaKey(), second.kafkaKey());
            await().atMost(WAIT).until(() -> auditOutcomes(first.commandId()).contains("updated"));
            assertThat(objectsWith("contacts", "crmsync_contact_key", a1)).hasSize(1);

            // Neither the other class nor the other tenant was touched.
            assertThat(objectWith("contacts", "crmsync_contact_key", a3)).isEmpty();
            assertThat(input.poll(Duration.ofMillis(200))).extracting(TopicProbe.Received::key)
                    .doesNotContain(otherClass.kafkaKey(), otherTenant.kafkaKey());
            Map<String, Map<String, Object>> acme = byKey(deadLetterPage("tenant", "acme", "from", from.toString(),
                    "to", to.toString()));
            assertThat(acme.get(first.kafkaKey())).containsEntry("replayed", true)
                    .containsEntry("replayId", forced.getString("replayId"));
            assertThat(acme.get(otherClass.kafkaKey())).containsEntry("replayed", false);
            Map<String, Map<String, Object>> globex = byKey(deadLetterPage("tenant", "globex", "from", from.toString(),
                    "to", to.toString()));
            assertThat(globex.get(otherTenant.kafkaKey())).containsEntry("replayed", false);
            assertThat(globex).doesNotContainKeys(first.kafkaKey(), second.kafkaKey(), otherClass.kafkaKey());

            assertThat(replayedMetric(EXHAUSTED)).isEqualTo(replayedBefore + 4);
            DlqReplay recorded = QuarkusTransaction.requiringNew().call(() -> replays.findById(replayId));
            assertThat(recorded.tenant).isEqualTo("acme");
            assertThat(recorded.rangeFrom).isEqualTo(from);
            assertThat(recorded.rangeTo).isEqualTo(to);
            assertThat(recorded.errorClass).isEqualTo(EXHAUSTED);
            assertThat(recorded.force).isFalse();
            assertThat(recorded.matched).isEqualTo(2);
            assertThat(recorded.replayed).isEqualTo(2);
            assertThat(recorded.skipped).isZero();
            assertThat(recorded.requestedBy).isEqualTo("test-user");
        }
    }

    @Test
    void aReplayNeedsTenantAndACompleteTimeRange() {
        String now = Instant.now().toString();
        String earlier = Instant.now().minusSeconds(60).toString();
        replayRequest("{\"from\":\"" + earlier + "\",\"to\":\"" + now + "\"}").then().statusCode(400)
                .body("error", containsString("tenant"));
        replayRequest("{\"tenant\":\"acme\",\"to\":\"" + now + "\"}").then().statusCode(400)
                .body("error", containsString("from"));
        replayRequest("{\"tenant\":\"acme\",\"from\":\"" + earlier + "\"}").then().statusCode(400)
                .body("error", containsString("to"));
        replayRequest("{\"tenant\":\"acme\",\"from\":\"" + now + "\",\"to\":\"" + earlier + "\"}").then().statusCode(400);
        given().auth().oauth2(JwtTokens.viewer()).get("/admin/dead-letters").then().statusCode(400)
                .body("error", containsString("tenant"));
        given().auth().oauth2(JwtTokens.viewer()).get("/admin/dead-letters?tenant=acme&limit=5000").then().statusCode(400);
    }

    private static JsonPath replay(String tenant, Instant from, Instant to, String errorClass, boolean force) {
        return replayRequest("{\"tenant\":\"" + tenant + "\",\"from\":\"" + from + "\",\"to\":\"" + to
                + "\",\"errorClass\":\"" + errorClass + "\",\"force\":" + force + "}")
                .then().statusCode(200).extract().jsonPath();
    }

    private static io.restassured.response.Response replayRequest(String body) {
        return given().auth().oauth2(JwtTokens.operator()).contentType(ContentType.JSON).body(body)
                .post("/admin/dead-letters/replay");
    }

    private static JsonPath deadLetterPage(String... params) {
        var request = given().auth().oauth2(JwtTokens.viewer());
        for (int i = 0; i < params.length; i += 2) {
            request.queryParam(params[i], params[i + 1]);
        }
        return request.get("/admin/dead-letters").then().statusCode(200).extract().jsonPath();
    }

    private static List<Map<String, Object>> deadLetters(String... params) {
        return deadLetterPage(params).getList("items");
    }

    private static Map<String, Map<String, Object>> byKey(JsonPath page) {
        List<Map<String, Object>> items = page.getList("items");
        return items.stream().collect(java.util.stream.Collectors.toMap(i -> (String) i.get("key"), i -> i));
    }

    /** The records of one replay that reached the input topic, once {@code count} of them did. */
    private static List<TopicProbe.Received> replayed(TopicProbe input, String replayId, int count) {
        return await().atMost(WAIT).until(() -> input.poll(Duration.ofMillis(200)).stream()
                .filter(r -> replayId.equals(r.headers().get(DeadLetterFixtures.REPLAY_ID))).toList(),
                records -> records.size() >= count);
    }

    private static List<String> auditOutcomes(String commandId) {
        List<Map<String, Object>> items = given().auth().oauth2(JwtTokens.viewer()).queryParam("tenant", "acme")
                .queryParam("commandId", commandId).get("/admin/audit").then().statusCode(200)
                .extract().jsonPath().getList("items");
        return items.stream().map(i -> (String) i.get("outcome")).toList();
    }

    private static double replayedMetric(String errorClass) {
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("crmsync_dlq_replayed_total\\{error_class=\"" + Pattern.quote(errorClass)
                + "\",tenant=\"acme\"} ([0-9.E+-]+)").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
