package io.crmsync.dedup;

import io.crmsync.contract.model.Customer;
import io.crmsync.dedup.CommandWatch.Sent;
import io.crmsync.dedup.NormalizedEvents.Envelope;
import io.crmsync.testkit.CrmSyncTestResource;
import io.crmsync.testkit.JwtTokens;
import io.crmsync.testkit.TestTenants;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.crmsync.dedup.FieldOwnershipDefaultsTest.withPhone;
import static io.crmsync.dedup.NormalizedEvents.T1;
import static io.crmsync.dedup.NormalizedEvents.T2;
import static io.crmsync.dedup.NormalizedEvents.customer;
import static io.crmsync.dedup.NormalizedEvents.newId;
import static io.crmsync.dedup.NormalizedEvents.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * End to end through the consumer, under tenant globex's rules: {@code phone} manual-review and
 * {@code firstName} owned by the CRM.
 */
@QuarkusTest
@WithTestResource(CrmSyncTestResource.class)
class FieldReviewFlowTest {

    private static final String BIGCOMMERCE = "bigcommerce";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void anotherSourcesPhoneWaitsForReviewAndTheCrmOwnedFirstNameIsSentOnce() {
        String email = "globex+" + newId() + "@example.com";
        Customer account = customer(BIGCOMMERCE, TestTenants.GLOBEX_BC, newId(), email, "Kim", T1);
        Customer otherAccount = withPhone(customer(BIGCOMMERCE, TestTenants.GLOBEX_BC, newId(), email, "Kimberly", T2),
                "+4930123456");
        String labels = "field=\"phone\",tenant=\"" + TestTenants.GLOBEX + "\"";
        double conflictsBefore = Metrics.counterWithLabels("crmsync_field_conflicts_total", labels);

        try (CommandWatch watch = CommandWatch.open(bootstrap)) {
            send(bootstrap, account, globex());
            Sent first = watch.await(Sent.contactWithEmail(email), 1).get(0);
            String goldenKey = first.command().recordKey();
            assertThat(first.field("firstName")).isEqualTo("Kim");

            send(bootstrap, otherAccount, globex());
            assertThat(watch.await(Sent.contactKeyed(goldenKey), 2)).hasSize(2).last().satisfies(c -> {
                assertThat(c.field("phone")).isEqualTo(account.phone());
                assertThat(c.command().fields()).doesNotContainKey("firstName");
            });
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    Metrics.counterWithLabels("crmsync_field_conflicts_total", labels) - conflictsBefore >= 1);

            int id = given().auth().oauth2(JwtTokens.viewer())
                    .queryParam("tenant", TestTenants.GLOBEX).queryParam("goldenKey", goldenKey)
                    .get("/admin/review")
                    .then().statusCode(200)
                    .body("size()", equalTo(1))
                    .body("[0].field", equalTo("phone"))
                    .body("[0].currentValue", equalTo(account.phone()))
                    .body("[0].proposedValue", equalTo("+4930123456"))
                    .body("[0].proposedBy", equalTo("bigcommerce:globex-bc:" + otherAccount.source().objectId()))
                    .extract().path("[0].id");

            // The same source proposing the same phone again (a later state of its record) is not queued twice.
            send(bootstrap, withPhone(customer(BIGCOMMERCE, TestTenants.GLOBEX_BC, otherAccount.source().objectId(), email,
                    "Kimberly", T2.plusSeconds(60)), "+4930123456"), globex());
            watch.await(Sent.contactKeyed(goldenKey), 3);
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    Metrics.counterWithLabels("crmsync_field_conflicts_total", labels) - conflictsBefore >= 2);
            given().auth().oauth2(JwtTokens.viewer())
                    .queryParam("tenant", TestTenants.GLOBEX).queryParam("goldenKey", goldenKey)
                    .get("/admin/review").then().statusCode(200).body("size()", equalTo(1));

            given().contentType(ContentType.JSON).auth().oauth2(JwtTokens.operator())
                    .queryParam("tenant", TestTenants.GLOBEX).body(Map.of("decision", "accept"))
                    .post("/admin/review/{id}/resolve", id)
                    .then().statusCode(200).body("status", equalTo("accepted"));

            assertThat(watch.await(s -> Sent.contactKeyed(goldenKey).test(s) && "+4930123456".equals(s.field("phone")), 1))
                    .singleElement().satisfies(c -> assertThat(c.command().fields()).doesNotContainKey("firstName"));
        }
    }

    private static Envelope globex() {
        Envelope webhook = Envelope.webhook();
        return new Envelope(webhook.id(), TestTenants.GLOBEX, webhook.origin(), webhook.traceparent(), null, null);
    }
}
