package io.crmsync.dedup;

import io.crmsync.contract.CloudEventHeaders;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.dedup.CommandWatch.Sent;
import io.crmsync.dedup.NormalizedEvents.Envelope;
import io.crmsync.dedup.ownership.ContactUpdate;
import io.crmsync.dedup.ownership.FieldConflict;
import io.crmsync.dedup.ownership.FieldConflicts;
import io.crmsync.dedup.repository.ReviewItemRepository;
import io.crmsync.testkit.CrmSyncTestResource;
import io.crmsync.testkit.JwtTokens;
import io.crmsync.testkit.TestTenants;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import io.crmsync.contract.model.Customer;
import java.util.concurrent.ConcurrentHashMap;

import static io.crmsync.dedup.NormalizedEvents.SHOPIFY;
import static io.crmsync.dedup.NormalizedEvents.T1;
import static io.crmsync.dedup.NormalizedEvents.T2;
import static io.crmsync.dedup.NormalizedEvents.WOO;
import static io.crmsync.dedup.NormalizedEvents.customer;
import static io.crmsync.dedup.NormalizedEvents.newId;
import static io.crmsync.dedup.NormalizedEvents.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The review queue's admin API. With the test registry's default rules no event conflicts, so items
 * are recorded through {@link ReviewItemRepository#recordOpen} (the statement the ownership service
 * uses) for golden contacts made through the consumer; {@code FieldReviewFlowTest} covers the path
 * from events once the registry gives globex review rules.
 */
@QuarkusTest
@WithTestResource(CrmSyncTestResource.class)
class ReviewResourceTest {

    private static final SourceRef WOO_CUSTOMER = new SourceRef(WOO, TestTenants.ACME_WOO, "customer", "77");

    /** Golden key to the phone its first customer gave. */
    private final Map<String, String> phones = new ConcurrentHashMap<>();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ReviewItemRepository reviewItems;

    @Inject
    Event<FieldConflicts> conflicts;

    @Test
    void anOperatorAcceptsAProposalAndTheContactUpsertCarriesIt() {
        try (CommandWatch watch = CommandWatch.open(bootstrap)) {
            String goldenKey = goldenContact(watch);
            long id = proposePhone(goldenKey, "+4930123456");

            given().auth().oauth2(JwtTokens.viewer())
                    .queryParam("tenant", TestTenants.ACME).queryParam("goldenKey", goldenKey)
                    .get("/admin/review")
                    .then().statusCode(200)
                    .body("size()", equalTo(1))
                    .body("[0].id", equalTo((int) id))
                    .body("[0].field", equalTo("phone"))
                    .body("[0].currentValue", equalTo("+14155550123"))
                    .body("[0].proposedValue", equalTo("+4930123456"))
                    .body("[0].proposedBy", equalTo("woocommerce:acme-woo:77"))
                    .body("[0].status", equalTo("open"));

            resolve(id, TestTenants.ACME, "accept", JwtTokens.operator())
                    .then().statusCode(200)
                    .body("status", equalTo("accepted"))
                    .body("resolvedBy", equalTo("test-user"));

            assertThat(watch.await(s -> Sent.contactKeyed(goldenKey).test(s) && "+4930123456".equals(s.field("phone")), 1))
                    .singleElement().satisfies(c -> {
                        assertThat(c.command().source()).isEqualTo(WOO_CUSTOMER);
                        assertThat(c.command().sourceUpdatedAt()).isEqualTo(T2);
                        assertThat(c.header(CloudEventHeaders.ORIGIN)).isEqualTo("replay");
                    });
            given().auth().oauth2(JwtTokens.operator())
                    .queryParam("tenant", TestTenants.ACME).queryParam("goldenKey", goldenKey).queryParam("status", "accepted")
                    .get("/admin/review")
                    .then().statusCode(200).body("[0].id", equalTo((int) id));
            resolve(id, TestTenants.ACME, "reject", JwtTokens.operator()).then().statusCode(409);
        }
    }

    @Test
    void aRejectedProposalIsClosedAndTheGoldenValueStays() {
        try (CommandWatch watch = CommandWatch.open(bootstrap)) {
            String goldenKey = goldenContact(watch);
            long id = proposePhone(goldenKey, "+4930999999");

            resolve(id, TestTenants.ACME, "reject", JwtTokens.operator())
                    .then().statusCode(200).body("status", equalTo("rejected"));
            resolve(id, TestTenants.ACME, "accept", JwtTokens.operator()).then().statusCode(409);

            assertThat(watch.settle(Sent.contactKeyed(goldenKey), Duration.ofSeconds(2)))
                    .as("only the contact's first upsert").singleElement()
                    .satisfies(c -> assertThat(c.field("phone")).isEqualTo(phones.get(goldenKey)));
            assertThat(proposePhone(goldenKey, "+4930999999")).as("a rejected proposal can be proposed again").isNotEqualTo(id);
        }
    }

    @Test
    void theSameOpenProposalIsRecordedOnce() {
        try (CommandWatch watch = CommandWatch.open(bootstrap)) {
            String goldenKey = goldenContact(watch);
            proposePhone(goldenKey, "+4930111111");

            boolean again = QuarkusTransaction.requiringNew().call(() -> reviewItems.recordOpen(TestTenants.ACME, goldenKey,
                    new FieldConflict("phone", "+14155550123", "+4930111111"),
                    new ContactUpdate(null, new SourceRef(SHOPIFY, TestTenants.ACME_SHOPIFY, "customer", "8"), T2, "e-2"),
                    Instant.now()));

            assertThat(again).isFalse();
            given().auth().oauth2(JwtTokens.viewer())
                    .queryParam("tenant", TestTenants.ACME).queryParam("goldenKey", goldenKey)
                    .get("/admin/review").then().statusCode(200).body("size()", equalTo(1));
        }
    }

    @Test
    void anItemIsInvisibleToAnotherTenant() {
        try (CommandWatch watch = CommandWatch.open(bootstrap)) {
            String goldenKey = goldenContact(watch);
            long id = proposePhone(goldenKey, "+4930222222");

            given().auth().oauth2(JwtTokens.operator())
                    .queryParam("tenant", TestTenants.GLOBEX).queryParam("goldenKey", goldenKey)
                    .get("/admin/review").then().statusCode(200).body("size()", equalTo(0));
            resolve(id, TestTenants.GLOBEX, "accept", JwtTokens.operator()).then().statusCode(404);
            resolve(Long.MAX_VALUE, TestTenants.ACME, "accept", JwtTokens.operator()).then().statusCode(404);
            given().auth().oauth2(JwtTokens.operator()).get("/admin/review").then().statusCode(400);
            resolve(id, TestTenants.ACME, "maybe", JwtTokens.operator()).then().statusCode(400);

            given().auth().oauth2(JwtTokens.operator())
                    .queryParam("tenant", TestTenants.ACME).queryParam("goldenKey", goldenKey)
                    .get("/admin/review").then().statusCode(200).body("[0].status", equalTo("open"));
        }
    }

    @Test
    void onlyOperatorsResolveAndOnlyTokenHoldersRead() {
        given().queryParam("tenant", TestTenants.ACME).get("/admin/review").then().statusCode(401);
        resolve(1, TestTenants.ACME, "accept", null).then().statusCode(401);
        given().auth().oauth2(JwtTokens.withRoles("someone-else"))
                .queryParam("tenant", TestTenants.ACME).get("/admin/review").then().statusCode(403);
        resolve(1, TestTenants.ACME, "accept", JwtTokens.viewer()).then().statusCode(403);
    }

    @Test
    void conflictsAreCountedPerFieldOnceTheirTransactionCommitted() {
        String labels = "field=\"phone\",tenant=\"" + TestTenants.ACME + "\"";
        double before = Metrics.counterWithLabels("crmsync_field_conflicts_total", labels);

        QuarkusTransaction.requiringNew().run(() ->
                conflicts.fire(new FieldConflicts(TestTenants.ACME, List.of("phone", "phone"), 0)));
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            conflicts.fire(new FieldConflicts(TestTenants.ACME, List.of("phone"), 0));
            throw new IllegalStateException("the transaction that found the conflict fails");
        })).hasMessageContaining("fails");

        assertThat(Metrics.counterWithLabels("crmsync_field_conflicts_total", labels) - before).isEqualTo(2.0);
    }

    @Test
    void theOpenItemsGaugeFollowsTheQueue() {
        try (CommandWatch watch = CommandWatch.open(bootstrap)) {
            String goldenKey = goldenContact(watch);
            proposePhone(goldenKey, "+4930333333");
            long id = proposePhone(goldenKey, "+4930444444");

            resolve(id, TestTenants.ACME, "reject", JwtTokens.operator()).then().statusCode(200);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(Metrics.counter("crmsync_review_items_open", TestTenants.ACME)).isEqualTo(openItems()));
            assertThat(openItems()).isPositive();
        }
    }

    /** A golden contact of acme made by the consumer from a Shopify customer; its phone is kept in {@link #phones}. */
    private String goldenContact(CommandWatch watch) {
        String email = "review+" + newId() + "@example.com";
        Customer kim = customer(SHOPIFY, TestTenants.ACME_SHOPIFY, newId(), email, "Kim", T1);
        send(bootstrap, kim, Envelope.webhook());
        String goldenKey = watch.await(Sent.contactWithEmail(email), 1).get(0).command().recordKey();
        phones.put(goldenKey, kim.phone());
        return goldenKey;
    }

    private long proposePhone(String goldenKey, String phone) {
        return QuarkusTransaction.requiringNew().call(() -> {
            reviewItems.recordOpen(TestTenants.ACME, goldenKey, new FieldConflict("phone", "+14155550123", phone),
                    new ContactUpdate(null, WOO_CUSTOMER, T2, "e-" + newId()), Instant.now());
            return reviewItems.list(TestTenants.ACME, ReviewStatus.OPEN, goldenKey, 100).stream()
                    .filter(i -> i.proposedValue().equals(phone)).findFirst().orElseThrow().id();
        });
    }

    private double openItems() {
        return QuarkusTransaction.requiringNew().call(() -> reviewItems.openPerTenant().getOrDefault(TestTenants.ACME, 0L))
                .doubleValue();
    }

    private static io.restassured.response.Response resolve(long id, String tenant, String decision, String token) {
        var request = given().contentType(ContentType.JSON).queryParam("tenant", tenant)
                .body(Map.of("decision", decision));
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.post("/admin/review/{id}/resolve", id);
    }
}
