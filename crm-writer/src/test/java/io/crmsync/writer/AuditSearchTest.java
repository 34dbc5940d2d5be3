package io.crmsync.writer;

import io.crmsync.contract.command.CrmRecordUpsert;
import io.crmsync.testkit.CrmSyncTestResource;
import io.crmsync.testkit.JwtTokens;
import io.crmsync.testkit.TestTenants;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.crmsync.writer.WriterTestSupport.contact;
import static io.crmsync.writer.WriterTestSupport.objectWith;
import static io.crmsync.writer.WriterTestSupport.send;
import static io.crmsync.writer.WriterTestSupport.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/**
 * {@code GET /admin/audit} after real writes: commands published to crm.record.upsert.v1, written
 * to the CRM sandbox, then found by source object, by CRM id and by filters, page by page, and
 * only within the tenant asked for.
 */
@QuarkusTest
@WithTestResource(value = CrmSyncTestResource.class, initArgs = @ResourceArg(name = "apps", value = "crm-sandbox"))
class AuditSearchTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aWrittenContactIsFoundBySourceObjectIdAndByItsCrmId() {
        String key = "gr-" + unique();
        CrmRecordUpsert command = contact(key, key + "@example.com", "Audited");
        send(command);
        String crmId = await().atMost(WAIT).until(() -> objectWith("contacts", "crmsync_contact_key", key), o -> o.isPresent())
                .get().get("id").toString();
        await().atMost(WAIT).until(() -> items("tenant", "acme", "sourceObjectId", key).stream()
                .anyMatch(i -> "created".equals(i.get("outcome"))));

        List<Map<String, Object>> bySource = items("tenant", "acme", "sourceObjectId", key);
        assertThat(bySource).allSatisfy(i -> assertThat(source(i)).containsEntry("objectId", key));
        Map<String, Object> created = bySource.stream().filter(i -> "created".equals(i.get("outcome"))).findFirst().orElseThrow();
        assertThat(created).containsEntry("commandId", command.commandId()).containsEntry("tenant", "acme")
                .containsEntry("crmObjectType", "contact").containsEntry("recordKey", key)
                .containsEntry("crmId", crmId).containsEntry("operation", "upsert").containsEntry("attempt", 1)
                .containsEntry("errorClass", null).containsKeys("id", "survivingKey", "traceId", "at");
        assertThat(created.get("traceId")).asString().matches("[0-9a-f]{32}");
        assertThat(source(created)).containsEntry("platform", "shopify")
                .containsEntry("storeId", TestTenants.ACME_SHOPIFY).containsEntry("objectType", "customer");

        List<Map<String, Object>> byCrmId = items("tenant", "acme", "crmId", crmId);
        assertThat(byCrmId).isNotEmpty().allSatisfy(i -> assertThat(i).containsEntry("crmId", crmId));
        assertThat(byCrmId).extracting(i -> i.get("id")).contains(created.get("id"));

        assertThat(items("tenant", "acme", "sourceObjectId", key, "operation", "upsert", "outcome", "created"))
                .singleElement().extracting(i -> i.get("id")).isEqualTo(created.get("id"));
        assertThat(items("tenant", "acme", "recordKey", key, "crmObjectType", "deal")).isEmpty();
        assertThat(items("tenant", "acme", "commandId", command.commandId())).extracting(i -> i.get("commandId"))
                .containsOnly(command.commandId());
        Instant at = Instant.parse((String) created.get("at"));
        assertThat(items("tenant", "acme", "sourceObjectId", key, "to", at.toString())).extracting(i -> i.get("id"))
                .doesNotContain(created.get("id"));
        assertThat(items("tenant", "acme", "sourceObjectId", key, "from", at.toString())).extracting(i -> i.get("id"))
                .contains(created.get("id"));
    }

    @Test
    void rowsOfAnotherTenantAreNeverAnswered() {
        String key = "gr-" + unique();
        CrmRecordUpsert acme = contact(key, key + "@example.com", "Isolated");
        // The same source object id and record key under tenant globex.
        CrmRecordUpsert globex = DeadLetterFixtures.contact(TestTenants.GLOBEX, key);
        send(acme);
        send(globex);
        await().atMost(WAIT).until(() -> !items("tenant", "acme", "sourceObjectId", key).isEmpty()
                && !items("tenant", "globex", "sourceObjectId", key).isEmpty());

        assertThat(items("tenant", "acme", "sourceObjectId", key))
                .allSatisfy(i -> assertThat(i).containsEntry("tenant", "acme").containsEntry("commandId", acme.commandId()));
        List<Map<String, Object>> globexRows = items("tenant", "globex", "sourceObjectId", key);
        assertThat(globexRows)
                .allSatisfy(i -> assertThat(i).containsEntry("tenant", "globex").containsEntry("commandId", globex.commandId()));
        assertThat(items("tenant", "globex", "commandId", acme.commandId())).isEmpty();

        // A page cursor of one tenant does not page through another's rows.
        given().auth().oauth2(JwtTokens.viewer()).queryParam("tenant", "acme")
                .queryParam("before", globexRows.get(0).get("id")).get("/admin/audit")
                .then().statusCode(400).body("error", containsString("before"));
    }

    @Test
    void pagesFollowEachOtherNewestFirstWithoutGapsOrRepeats() {
        String key = "gr-" + unique();
        for (int i = 0; i < 3; i++) {
            CrmRecordUpsert command = contact(key, key + "@example.com", "Version" + i);
            send(command);
            await().atMost(WAIT).until(() -> items("tenant", "acme", "commandId", command.commandId()).stream()
                    .anyMatch(r -> "upsert".equals(r.get("operation")) && r.get("crmId") != null));
        }
        List<Object> all = items("tenant", "acme", "sourceObjectId", key).stream().map(i -> i.get("id")).toList();
        assertThat(all).hasSizeGreaterThanOrEqualTo(3);

        List<Object> paged = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        Object before = null;
        int pages = 0;
        do {
            var request = given().auth().oauth2(JwtTokens.viewer()).queryParam("tenant", "acme")
                    .queryParam("sourceObjectId", key).queryParam("limit", 2);
            if (before != null) {
                request.queryParam("before", before);
            }
            JsonPath page = request.get("/admin/audit").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            assertThat(items).hasSizeBetween(1, 2);
            items.forEach(i -> {
                paged.add(i.get("id"));
                times.add(Instant.parse((String) i.get("at")));
            });
            before = page.get("next");
            if (before != null) {
                assertThat(before).isEqualTo(items.get(items.size() - 1).get("id"));
            }
            pages++;
        } while (before != null && pages < 10);

        assertThat(paged).containsExactlyElementsOf(all);
        assertThat(pages).isEqualTo((all.size() + 1) / 2);
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void aSearchWithoutTenantOrWithMalformedParametersIs400() {
        given().auth().oauth2(JwtTokens.viewer()).get("/admin/audit").then().statusCode(400)
                .body("error", containsString("tenant"));
        given().auth().oauth2(JwtTokens.viewer()).get("/admin/audit?tenant=acme&limit=0").then().statusCode(400)
                .body("error", containsString("limit"));
        given().auth().oauth2(JwtTokens.viewer()).get("/admin/audit?tenant=acme&limit=1001").then().statusCode(400);
        given().auth().oauth2(JwtTokens.viewer()).get("/admin/audit?tenant=acme&from=yesterday").then().statusCode(400)
                .body("error", containsString("from"));
        given().auth().oauth2(JwtTokens.viewer()).get("/admin/audit?tenant=acme&before=abc").then().statusCode(400);
        given().auth().oauth2(JwtTokens.viewer())
                .get("/admin/audit?tenant=acme&from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z").then().statusCode(400);
    }

    /** All rows of one search (limit 1000), newest first; params as name/value pairs. */
    private static List<Map<String, Object>> items(String... params) {
        var request = given().auth().oauth2(JwtTokens.viewer()).queryParam("limit", 1000);
        for (int i = 0; i < params.length; i += 2) {
            request.queryParam(params[i], params[i + 1]);
        }
        return request.get("/admin/audit").then().statusCode(200).extract().jsonPath().getList("items");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> source(Map<String, Object> item) {
        return (Map<String, Object>) item.get("source");
    }
}
