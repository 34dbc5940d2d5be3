package io.crmsync.dedup;

import io.agroal.api.AgroalDataSource;
import io.crmsync.contract.model.Customer;
import io.crmsync.contract.model.Order;
import io.crmsync.contract.model.OrderStatus;
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
import java.util.ArrayList;
import java.util.List;

import static io.crmsync.dedup.NormalizedEvents.SHOPIFY;
import static io.crmsync.dedup.NormalizedEvents.T1;
import static io.crmsync.dedup.NormalizedEvents.T2;
import static io.crmsync.dedup.NormalizedEvents.WOO;
import static io.crmsync.dedup.NormalizedEvents.customer;
import static io.crmsync.dedup.NormalizedEvents.newId;
import static io.crmsync.dedup.NormalizedEvents.order;
import static io.crmsync.dedup.NormalizedEvents.send;
import static io.crmsync.dedup.NormalizedEvents.shopifyOrder;
import static io.crmsync.dedup.NormalizedEvents.withRawEmailOnly;
import static org.assertj.core.api.Assertions.assertThat;

/** Golden contact matching: store customer id first, then normalised email, else a new record. */
@QuarkusTest
@WithTestResource(CrmSyncTestResource.class)
class GoldenContactMatchingTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theSamePersonInTwoGuestOrdersWithDifferentEmailCaseGetsOneGoldenKey() throws SQLException {
        String local = "guest" + newId();
        // Guest checkouts: no store customer id, only the email, typed differently in two stores.
        Customer inShopify = withRawEmailOnly(
                customer(SHOPIFY, TestTenants.ACME_SHOPIFY, null, " " + capitalise(local) + "@Example.COM", "Zoë", T1));
        Customer inWoo = customer(WOO, TestTenants.ACME_WOO, null, local + "@example.com", "Zoë", T1);
        String first = newId();
        String second = newId();

        try (CommandWatch watch = CommandWatch.open(bootstrap)) {
            send(bootstrap, shopifyOrder(first, inShopify, T1), Envelope.webhook());
            send(bootstrap, order(WOO, TestTenants.ACME_WOO, second, inWoo, OrderStatus.PAID, T1, null), Envelope.webhook());

            List<Sent> contacts = watch.await(Sent.contactWithEmail(local + "@example.com"), 2);
            assertThat(contacts).hasSize(2);
            String goldenKey = contacts.get(0).command().recordKey();
            assertThat(contacts).allSatisfy(c -> assertThat(c.command().recordKey()).isEqualTo(goldenKey));

            List<Sent> deals = watch.await(s -> Sent.dealOf(TestTenants.ACME_SHOPIFY + ":" + first).test(s)
                    || Sent.dealOf(TestTenants.ACME_WOO + ":" + second).test(s), 2);
            assertThat(deals).hasSize(2).allSatisfy(d -> assertThat(d.command().associations())
                    .singleElement().satisfies(a -> assertThat(a.recordKey()).isEqualTo(goldenKey)));
            assertThat(links(goldenKey)).containsExactly("EMAIL " + local + "@example.com FIRST_SEEN");
        }
    }

    @Test
    void anOrderThenACustomerEventOfTheSameStoreCustomerShareTheGoldenKey() throws SQLException {
        String customerId = newId();
        String email = "buyer+" + customerId + "@example.com";
        Customer buyer = customer(SHOPIFY, TestTenants.ACME_SHOPIFY, customerId, email, "Ann", T1);
        Order order = shopifyOrder(newId(), buyer, T1);
        Customer profile = customer(SHOPIFY, TestTenants.ACME_SHOPIFY, customerId, email, "Annabel", T2);

        try (CommandWatch watch = CommandWatch.open(bootstrap)) {
            send(bootstrap, order, Envelope.webhook());
            String goldenKey = watch.await(Sent.contactWithEmail(email), 1).get(0).command().recordKey();

            send(bootstrap, profile, Envelope.webhook());
            List<Sent> contacts = watch.await(Sent.contactKeyed(goldenKey), 2);

            assertThat(contacts).hasSize(2);
            assertThat(contacts.get(1).field("firstName")).isEqualTo("Annabel");
            assertThat(contacts.get(1).command().source()).isEqualTo(profile.source());
            assertThat(links(goldenKey)).containsExactly(
                    "STORE_CUSTOMER shopify:acme-shopify:" + customerId + " FIRST_SEEN",
                    "EMAIL " + email + " FIRST_SEEN");
        }
    }

    @Test
    void anEmailChangeOfTheSameStoreCustomerKeepsTheGoldenKey() throws SQLException {
        String customerId = newId();
        String before = "old+" + customerId + "@example.com";
        String after = "new+" + customerId + "@example.com";

        try (CommandWatch watch = CommandWatch.open(bootstrap)) {
            send(bootstrap, customer(SHOPIFY, TestTenants.ACME_SHOPIFY, customerId, before, "Kim", T1), Envelope.webhook());
            String goldenKey = watch.await(Sent.contactWithEmail(before), 1).get(0).command().recordKey();

            send(bootstrap, customer(SHOPIFY, TestTenants.ACME_SHOPIFY, customerId, after, "Kim", T2), Envelope.webhook());

            assertThat(watch.await(Sent.contactWithEmail(after), 1)).singleElement()
                    .satisfies(c -> assertThat(c.command().recordKey()).isEqualTo(goldenKey));
            assertThat(links(goldenKey)).containsExactly(
                    "STORE_CUSTOMER shopify:acme-shopify:" + customerId + " FIRST_SEEN",
                    "EMAIL " + before + " FIRST_SEEN",
                    "EMAIL " + after + " SAME_STORE_CUSTOMER");
        }
    }

    /** The audit trail of a golden contact: "KIND value REASON", oldest first. */
    private List<String> links(String goldenKey) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement(
                     "select kind, value, reason from dedup.identity_link where golden_key = ? order by id")) {
            q.setString(1, goldenKey);
            List<String> links = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    links.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
            }
            return links;
        }
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
