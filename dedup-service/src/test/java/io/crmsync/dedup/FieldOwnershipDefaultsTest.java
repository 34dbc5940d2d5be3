package io.crmsync.dedup;

import io.agroal.api.AgroalDataSource;
import io.crmsync.contract.model.Customer;
import io.crmsync.dedup.CommandWatch.Sent;
import io.crmsync.dedup.NormalizedEvents.Envelope;
import io.crmsync.testkit.CrmSyncTestResource;
import io.crmsync.testkit.TestTenants;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static io.crmsync.dedup.NormalizedEvents.SHOPIFY;
import static io.crmsync.dedup.NormalizedEvents.T1;
import static io.crmsync.dedup.NormalizedEvents.T2;
import static io.crmsync.dedup.NormalizedEvents.WOO;
import static io.crmsync.dedup.NormalizedEvents.customer;
import static io.crmsync.dedup.NormalizedEvents.newId;
import static io.crmsync.dedup.NormalizedEvents.send;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant {@code acme} has no field-ownership rules: every field is commerce-owned, last-write-wins,
 * as before rules existed, and a changed email is kept as an additional email.
 */
@QuarkusTest
@WithTestResource(CrmSyncTestResource.class)
class FieldOwnershipDefaultsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void olderDataFromAnotherStoreDoesNotOverwriteNewerAndNewerDataDoesWithoutReview() throws SQLException {
        String email = "lww+" + newId() + "@example.com";
        Customer fresh = customer(SHOPIFY, TestTenants.ACME_SHOPIFY, newId(), email, "Kim", T2);
        Customer stale = withPhone(customer(WOO, TestTenants.ACME_WOO, newId(), email, "Kimberly", T1), "+4930123456");
        Customer newest = withPhone(customer(WOO, TestTenants.ACME_WOO, stale.source().objectId(), email, "Kimberly",
                T2.plusSeconds(60)), "+4930123456");

        try (CommandWatch watch = CommandWatch.open(bootstrap)) {
            send(bootstrap, fresh, Envelope.webhook());
            String goldenKey = watch.await(Sent.contactWithEmail(email), 1).get(0).command().recordKey();

            send(bootstrap, stale, Envelope.webhook());
            assertThat(watch.await(Sent.contactKeyed(goldenKey), 2)).hasSize(2).last().satisfies(c -> {
                assertThat(c.field("firstName")).isEqualTo("Kim");
                assertThat(c.field("phone")).isEqualTo(fresh.phone());
            });

            send(bootstrap, newest, Envelope.webhook());
            assertThat(watch.await(Sent.contactKeyed(goldenKey), 3)).hasSize(3).last().satisfies(c -> {
                assertThat(c.field("firstName")).isEqualTo("Kimberly");
                assertThat(c.field("phone")).isEqualTo("+4930123456");
                assertThat(c.command().fields()).doesNotContainKey("additionalEmails");
            });
            assertThat(reviewItems(goldenKey)).isZero();
        }
    }

    @Test
    void anEmailChangeKeepsThePreviousEmailAsAnAdditionalOne() {
        String customerId = newId();
        String before = "before+" + customerId + "@example.com";
        String after = "after+" + customerId + "@example.com";

        try (CommandWatch watch = CommandWatch.open(bootstrap)) {
            send(bootstrap, customer(SHOPIFY, TestTenants.ACME_SHOPIFY, customerId, before, "Kim", T1), Envelope.webhook());
            String goldenKey = watch.await(Sent.contactWithEmail(before), 1).get(0).command().recordKey();

            send(bootstrap, customer(SHOPIFY, TestTenants.ACME_SHOPIFY, customerId, after, "Kim", T2), Envelope.webhook());

            assertThat(watch.await(Sent.contactWithEmail(after), 1)).singleElement().satisfies(c -> {
                assertThat(c.command().recordKey()).isEqualTo(goldenKey);
                assertThat(c.field("additionalEmails")).isEqualTo(before);
            });
        }
    }

    static Customer withPhone(Customer c, String phone) {
        return new Customer(c.source(), c.email(), c.emailRaw(), phone, phone, c.firstName(), c.lastName(),
                c.emailMarketingConsent(), c.addresses(), c.createdAt(), c.updatedAt(), c.sourceVersion(), c.company());
    }

    private long reviewItems(String goldenKey) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("select count(*) from dedup.review_item where golden_key = ?")) {
            q.setString(1, goldenKey);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
