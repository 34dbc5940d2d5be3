package io.crmsync.dedup;

import io.agroal.api.AgroalDataSource;
import io.crmsync.contract.CloudEventHeaders;
import io.crmsync.contract.EventCodec;
import io.crmsync.contract.EventType;
import io.crmsync.contract.Topics;
import io.crmsync.contract.command.CrmRecordMerge;
import io.crmsync.contract.model.Customer;
import io.crmsync.dedup.CommandWatch.Sent;
import io.crmsync.dedup.NormalizedEvents.Envelope;
import io.crmsync.testkit.CrmSyncTestResource;
import io.crmsync.testkit.JwtTokens;
import io.crmsync.testkit.TestTenants;
import io.crmsync.testkit.TopicProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.crmsync.dedup.NormalizedEvents.SHOPIFY;
import static io.crmsync.dedup.NormalizedEvents.T1;
import static io.crmsync.dedup.NormalizedEvents.T2;
import static io.crmsync.dedup.NormalizedEvents.customer;
import static io.crmsync.dedup.NormalizedEvents.newId;
import static io.crmsync.dedup.NormalizedEvents.phoneOf;
import static io.crmsync.dedup.NormalizedEvents.send;
import static io.crmsync.dedup.NormalizedEvents.shopifyOrder;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/**
 * Merges of two existing golden contacts, their audit trail, the CRM merge command, and undo
 * through the admin API (with its roles and tenant isolation).
 */
@QuarkusTest
@WithTestResource(CrmSyncTestResource.class)
class GoldenContactMergeTest {

    private static final String MERGED = "crmsync_identities_merged_total";
    private static final String SAME_EMAIL = "reason=\"same-email\",tenant=\"acme\"";
    private static final Instant T3 = T2.plusSeconds(3600);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    AgroalDataSource dataSource;

    private DedupRows rows;

    @BeforeEach
    void rows() {
        rows = new DedupRows(dataSource);
    }

    /**
     * A guest checkout makes golden contact B; an account of another email makes A; then the
     * account's email changes to the guest's. The event's store customer leads to A and its email
     * to B: one person. B is older, so it survives.
     */
    @Test
    void twoExistingGoldenContactsAreMergedIntoTheOlderAndTheCrmIsTold() throws Exception {
        Pair pair = new Pair(newId());
        double mergedBefore = Metrics.counterWithLabels(MERGED, SAME_EMAIL);

        try (CommandWatch watch = CommandWatch.open(bootstrap);
             TopicProbe merges = TopicProbe.open(bootstrap, Topics.CRM_RECORD_UPSERT)) {
            Keys keys = pair.mergeThem(watch);

            List<Sent> survivor = watch.await(Sent.contactKeyed(keys.survivor()), 2);
            assertThat(survivor).last().satisfies(c -> {
                assertThat(c.field("email")).isEqualTo(pair.sharedEmail);
                assertThat(c.field("firstName")).isEqualTo("Alex");
                assertThat(c.command().source()).isEqualTo(pair.accountChanged.source());
            });
            CrmRecordMerge merge = awaitMerge(merges, keys.merged());
            assertThat(merge.survivingKey()).isEqualTo(keys.survivor());
            assertThat(merge.reason()).isEqualTo("same-email");
            assertThat(merge.tenant()).isEqualTo(TestTenants.ACME);

            assertThat(rows.mergedInto(keys.merged())).isEqualTo(keys.survivor());
            assertThat(rows.mergedInto(keys.survivor())).isNull();
            assertThat(rows.merges(keys.merged())).containsExactly(
                    keys.survivor() + " " + keys.merged() + " SAME_EMAIL " + pair.mergingEvent.id() + " -");
            assertThat(rows.links(keys.merged())).isEmpty();
            assertThat(rows.links(keys.survivor())).containsExactly(
                    "EMAIL " + pair.sharedEmail + " FIRST_SEEN",
                    "PHONE_LAST_NAME " + pair.guestPhone + "|muller FIRST_SEEN",
                    "STORE_CUSTOMER shopify:acme-shopify:" + pair.customerId + " FIRST_SEEN",
                    "EMAIL " + pair.accountEmail + " FIRST_SEEN",
                    "PHONE_LAST_NAME " + pair.accountPhone + "|muller FIRST_SEEN");
            assertThat(Metrics.counterWithLabels(MERGED, SAME_EMAIL)).isEqualTo(mergedBefore + 1);

            // Later orders of the merged record's store customer land on the survivor.
            String orderId = newId();
            send(bootstrap, shopifyOrder(orderId, pair.accountChanged, T3), Envelope.webhook());
            assertThat(watch.await(Sent.dealOf(TestTenants.ACME_SHOPIFY + ":" + orderId), 1)).singleElement()
                    .satisfies(d -> assertThat(d.command().associations()).singleElement()
                            .satisfies(a -> assertThat(a.recordKey()).isEqualTo(keys.survivor())));
        }
    }

    @Test
    void anOperatorUndoesAMergeAndThePairStaysApart() throws Exception {
        Pair pair = new Pair(newId());
        try (CommandWatch watch = CommandWatch.open(bootstrap);
             TopicProbe merges = TopicProbe.open(bootstrap, Topics.CRM_RECORD_UPSERT)) {
            Keys keys = pair.mergeThem(watch);
            String mergeId = awaitMerge(merges, keys.merged()).mergeId();

            given().auth().oauth2(JwtTokens.viewer())
                    .queryParam("tenant", TestTenants.ACME).queryParam("goldenKey", keys.merged())
                    .when().get("/admin/merges")
                    .then().statusCode(200)
                    .body("", hasSize(1))
                    .body("[0].id", equalTo(mergeId))
                    .body("[0].survivorKey", equalTo(keys.survivor()))
                    .body("[0].reason", equalTo("same-email"))
                    .body("[0].eventId", equalTo(pair.mergingEvent.id()))
                    .body("[0].movedLinks.kind", equalTo(List.of("STORE_CUSTOMER", "EMAIL", "PHONE_LAST_NAME")))
                    .body("[0].movedLinks[1].value", equalTo("a***@e***.com"))
                    .body("[0].undoneAt", equalTo(null));

            given().auth().oauth2(JwtTokens.operator()).queryParam("tenant", TestTenants.ACME)
                    .when().post("/admin/merges/{id}/undo", mergeId)
                    .then().statusCode(200)
                    .body("undoneBy", equalTo("test-user"));

            assertThat(rows.mergedInto(keys.merged())).isNull();
            assertThat(rows.links(keys.merged())).containsExactly(
                    "STORE_CUSTOMER shopify:acme-shopify:" + pair.customerId + " FIRST_SEEN",
                    "EMAIL " + pair.accountEmail + " FIRST_SEEN",
                    "PHONE_LAST_NAME " + pair.accountPhone + "|muller FIRST_SEEN");
            assertThat(rows.links(keys.survivor())).containsExactly(
                    "EMAIL " + pair.sharedEmail + " FIRST_SEEN",
                    "PHONE_LAST_NAME " + pair.guestPhone + "|muller FIRST_SEEN");
            assertThat(rows.merges(keys.merged())).singleElement().asString().endsWith(" test-user");
            // Both records written again: the restored one under its own key with its own data,
            // the survivor with what it held before the merge.
            assertThat(watch.await(Sent.contactKeyed(keys.merged()), 2)).last()
                    .satisfies(c -> assertThat(c.field("email")).isEqualTo(pair.accountEmail));
            assertThat(watch.await(Sent.contactKeyed(keys.survivor()), 3)).last().satisfies(c -> {
                assertThat(c.field("email")).isEqualTo(pair.sharedEmail);
                assertThat(c.field("firstName")).isEqualTo("Bo");
            });

            given().auth().oauth2(JwtTokens.operator()).queryParam("tenant", TestTenants.ACME)
                    .when().post("/admin/merges/{id}/undo", mergeId)
                    .then().statusCode(409);

            // The same evidence again does not merge them again: the store customer's record takes it.
            Customer again = customer(SHOPIFY, TestTenants.ACME_SHOPIFY, pair.customerId, pair.sharedEmail, "Alex",
                    "Müller", pair.accountPhone, T3);
            send(bootstrap, again, Envelope.webhook());
            assertThat(watch.await(s -> Sent.contactKeyed(keys.merged()).test(s) && "Alex".equals(s.field("firstName"))
                    && pair.sharedEmail.equals(s.field("email")), 1)).hasSize(1);
            assertThat(rows.merges(keys.merged())).hasSize(1);
            assertThat(rows.mergedInto(keys.merged())).isNull();
        }
    }

    @Test
    void theAdminApiIsForOperatorsAndViewersAndKeepsTenantsApart() throws Exception {
        Pair pair = new Pair(newId());
        Keys keys;
        String mergeId;
        try (CommandWatch watch = CommandWatch.open(bootstrap);
             TopicProbe merges = TopicProbe.open(bootstrap, Topics.CRM_RECORD_UPSERT)) {
            keys = pair.mergeThem(watch);
            mergeId = awaitMerge(merges, keys.merged()).mergeId();
        }

        given().queryParam("tenant", TestTenants.ACME).when().get("/admin/merges").then().statusCode(401);
        given().auth().oauth2(JwtTokens.withRoles("someone-else")).queryParam("tenant", TestTenants.ACME)
                .when().get("/admin/merges").then().statusCode(403);
        given().auth().oauth2(JwtTokens.viewer()).queryParam("tenant", TestTenants.ACME)
                .when().post("/admin/merges/{id}/undo", mergeId).then().statusCode(403);
        given().auth().oauth2(JwtTokens.viewer()).when().get("/admin/merges").then().statusCode(400);

        // Another tenant's request neither sees nor undoes it.
        given().auth().oauth2(JwtTokens.operator()).queryParam("tenant", TestTenants.GLOBEX)
                .when().get("/admin/merges").then().statusCode(200)
                .body("id", not(hasItem(mergeId)));
        given().auth().oauth2(JwtTokens.operator()).queryParam("tenant", TestTenants.GLOBEX)
                .when().post("/admin/merges/{id}/undo", mergeId).then().statusCode(404)
                .contentType(ContentType.JSON);
        assertThat(rows.merges(keys.merged())).singleElement().asString().endsWith(" -");
        assertThat(rows.mergedInto(keys.merged())).isEqualTo(keys.survivor());

        given().auth().oauth2(JwtTokens.operator()).queryParam("tenant", TestTenants.ACME)
                .when().get("/admin/merges").then().statusCode(200)
                .body("id", hasItem(mergeId));
    }

    private static CrmRecordMerge awaitMerge(TopicProbe probe, String mergedKey) {
        String kafkaKey = TestTenants.ACME + "/contact/" + mergedKey;
        Instant until = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(until)) {
            List<TopicProbe.Received> found = probe.poll(Duration.ofMillis(200)).stream()
                    .filter(r -> kafkaKey.equals(r.key())
                            && EventType.CONTACT_MERGE.name().equals(r.headers().get(CloudEventHeaders.TYPE)))
                    .toList();
            if (!found.isEmpty()) {
                assertThat(found).hasSize(1);
                try {
                    return EventCodec.mapper().readValue(found.get(0).value(), CrmRecordMerge.class);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }
        }
        throw new AssertionError("no merge command for " + mergedKey);
    }

    /** The golden keys of a merge. */
    record Keys(String survivor, String merged) {
    }

    /** A guest (B, older) and an account (A) that turn out to be one person when the account takes the guest's email. */
    private final class Pair {

        final String customerId;
        final String sharedEmail;
        final String accountEmail;
        final String guestPhone;
        final String accountPhone;
        final Customer accountChanged;
        final Envelope mergingEvent = Envelope.webhook();

        Pair(String id) {
            customerId = id;
            sharedEmail = "bo+" + id + "@example.com";
            accountEmail = "alex+" + id + "@example.com";
            guestPhone = phoneOf("guest" + id);
            accountPhone = phoneOf("account" + id);
            accountChanged = customer(SHOPIFY, TestTenants.ACME_SHOPIFY, id, sharedEmail, "Alex", "Müller",
                    accountPhone, T2);
        }

        Keys mergeThem(CommandWatch watch) throws SQLException {
            Customer guest = customer(SHOPIFY, TestTenants.ACME_SHOPIFY, null, sharedEmail, "Bo", "Müller", guestPhone, T1);
            send(bootstrap, shopifyOrder(newId(), guest, T1), Envelope.webhook());
            String survivor = watch.await(Sent.contactWithEmail(sharedEmail), 1).get(0).command().recordKey();

            send(bootstrap, customer(SHOPIFY, TestTenants.ACME_SHOPIFY, customerId, accountEmail, "Alex", "Müller",
                    accountPhone, T1), Envelope.webhook());
            String merged = watch.await(Sent.contactWithEmail(accountEmail), 1).get(0).command().recordKey();
            assertThat(merged).isNotEqualTo(survivor);

            send(bootstrap, accountChanged, mergingEvent);
            await().atMost(Duration.ofSeconds(30)).until(() -> survivor.equals(rows.mergedInto(merged)));
            return new Keys(survivor, merged);
        }
    }
}
