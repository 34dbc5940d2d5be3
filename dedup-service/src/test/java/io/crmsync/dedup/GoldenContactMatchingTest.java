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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import static io.crmsync.dedup.NormalizedEvents.SHOPIFY;
import static io.crmsync.dedup.NormalizedEvents.T1;
import static io.crmsync.dedup.NormalizedEvents.T2;
import static io.crmsync.dedup.NormalizedEvents.WOO;
import static io.crmsync.dedup.NormalizedEvents.customer;
import static io.crmsync.dedup.NormalizedEvents.newId;
import static io.crmsync.dedup.NormalizedEvents.order;
import static io.crmsync.dedup.NormalizedEvents.phoneOf;
import static io.crmsync.dedup.NormalizedEvents.send;
import static io.crmsync.dedup.NormalizedEvents.shopifyOrder;
import static io.crmsync.dedup.NormalizedEvents.withRawEmailOnly;
import static org.assertj.core.api.Assertions.assertThat;

/** Golden contact matching: store customer id, then normalised email, then phone + last name, else a new record. */
@QuarkusTest
@WithTestResource(CrmSyncTestResource.class)
class GoldenContactMatchingTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    AgroalDataSource dataSource;

    private DedupRows rows;

    @BeforeEach
    void rows() {
        rows = new DedupRows(dataSource);
    }

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
            assertThat(rows.links(goldenKey)).containsExactly(
                    "EMAIL " + local + "@example.com FIRST_SEEN",
                    "PHONE_LAST_NAME " + inWoo.phone() + "|muller FIRST_SEEN");
        }
    }

    @Test
    void onePersonWithAccountsInAShopifyAndAWooCommerceStoreIsOneContactWithTheNewestState() throws SQLException {
        String shopifyId = newId();
        String wooId = newId();
        String local = "zoe" + shopifyId;
        Customer inShopify = customer(SHOPIFY, TestTenants.ACME_SHOPIFY, shopifyId, capitalise(local) + "@Example.com", "Zoë", T1);
        Customer inWoo = customer(WOO, TestTenants.ACME_WOO, wooId, local + "@EXAMPLE.COM", "Zoe", T2);

        try (CommandWatch watch = CommandWatch.open(bootstrap)) {
            send(bootstrap, inShopify, Envelope.webhook());
            watch.await(Sent.contactWithEmail(local + "@example.com"), 1);
            send(bootstrap, inWoo, Envelope.webhook());
            watch.await(Sent.contactWithEmail(local + "@example.com"), 2);

            List<Sent> contacts = watch.settle(Sent.contactWithEmail(local + "@example.com"), Duration.ofSeconds(1));
            assertThat(contacts).hasSize(2);
            String goldenKey = contacts.get(0).command().recordKey();
            assertThat(contacts).extracting(c -> c.command().recordKey()).containsOnly(goldenKey);
            assertThat(contacts.get(1).field("firstName")).isEqualTo("Zoe");
            assertThat(contacts.get(1).command().source()).isEqualTo(inWoo.source());
            assertThat(rows.links(goldenKey)).containsExactly(
                    "STORE_CUSTOMER shopify:acme-shopify:" + shopifyId + " FIRST_SEEN",
                    "EMAIL " + local + "@example.com FIRST_SEEN",
                    "PHONE_LAST_NAME " + inShopify.phone() + "|muller FIRST_SEEN",
                    "STORE_CUSTOMER woocommerce:acme-woo:" + wooId + " SAME_EMAIL");
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
            assertThat(rows.links(goldenKey)).containsExactly(
                    "STORE_CUSTOMER shopify:acme-shopify:" + customerId + " FIRST_SEEN",
                    "EMAIL " + email + " FIRST_SEEN",
                    "PHONE_LAST_NAME " + buyer.phone() + "|muller FIRST_SEEN");
        }
    }

    @Test
    void anEmailChangeOfTheSameStoreCustomerKeepsTheGoldenKey() throws SQLException {
        String customerId = newId();
        String before = "old+" + customerId + "@example.com";
        String after = "new+" + customerId + "@example.com";
        String phone = phoneOf(customerId);

        try (CommandWatch watch = CommandWatch.open(bootstrap)) {
            send(bootstrap, customer(SHOPIFY, TestTenants.ACME_SHOPIFY, customerId, before, "Kim", "Müller", phone, T1),
                    Envelope.webhook());
            String goldenKey = watch.await(Sent.contactWithEmail(before), 1).get(0).command().recordKey();

            send(bootstrap, customer(SHOPIFY, TestTenants.ACME_SHOPIFY, customerId, after, "Kim", "Müller", phone, T2),
                    Envelope.webhook());

            assertThat(watch.await(Sent.contactWithEmail(after), 1)).singleElement()
                    .satisfies(c -> assertThat(c.command().recordKey()).isEqualTo(goldenKey));
            assertThat(rows.links(goldenKey)).containsExactly(
                    "STORE_CUSTOMER shopify:acme-shopify:" + customerId + " FIRST_SEEN",
                    "EMAIL " + before + " FIRST_SEEN",
                    "PHONE_LAST_NAME " + phone + "|muller FIRST_SEEN",
                    "EMAIL " + after + " SAME_STORE_CUSTOMER");
            assertThat(rows.merges(goldenKey)).isEmpty();
        }
    }

    @Test
    void aGuestCheckoutFollowedByAnAccountIsOnePerson() throws SQLException {
        String customerId = newId();
        String email = "guest-then-account+" + customerId + "@example.com";
        Customer guest = customer(SHOPIFY, TestTenants.ACME_SHOPIFY, null, email, "Lea", T1);
        Customer account = customer(SHOPIFY, TestTenants.ACME_SHOPIFY, customerId, email, "Lea", T2);
        String orderId = newId();

        try (CommandWatch watch = CommandWatch.open(bootstrap)) {
            send(bootstrap, shopifyOrder(orderId, guest, T1), Envelope.webhook());
            String goldenKey = watch.await(Sent.contactWithEmail(email), 1).get(0).command().recordKey();
            assertThat(watch.await(Sent.dealOf(TestTenants.ACME_SHOPIFY + ":" + orderId), 1)).singleElement()
                    .satisfies(d -> assertThat(d.command().associations()).singleElement()
                            .satisfies(a -> assertThat(a.recordKey()).isEqualTo(goldenKey)));

            send(bootstrap, account, Envelope.webhook());

            List<Sent> contacts = watch.await(Sent.contactWithEmail(email), 2);
            assertThat(contacts).hasSize(2).extracting(c -> c.command().recordKey()).containsOnly(goldenKey);
            assertThat(contacts.get(1).command().source()).isEqualTo(account.source());
            assertThat(rows.links(goldenKey)).containsExactly(
                    "EMAIL " + email + " FIRST_SEEN",
                    "PHONE_LAST_NAME " + guest.phone() + "|muller FIRST_SEEN",
                    "STORE_CUSTOMER shopify:acme-shopify:" + customerId + " SAME_EMAIL");
        }
    }

    @Test
    void theSamePhoneAndLastNameInAnotherCaseAndWithoutDiacriticsIsTheSamePerson() throws SQLException {
        String id = newId();
        String phone = phoneOf("pl" + id);
        Customer account = customer(SHOPIFY, TestTenants.ACME_SHOPIFY, id, "work+" + id + "@example.com", "Jonas",
                "Müller", phone, T1);
        Customer guestElsewhere = customer(WOO, TestTenants.ACME_WOO, null, "home+" + id + "@example.com", "Jonas",
                "MULLER", phone, T2);
        Customer namesake = customer(WOO, TestTenants.ACME_WOO, null, "other+" + id + "@example.com", "Jonas",
                "Schmidt", phone, T2);

        try (CommandWatch watch = CommandWatch.open(bootstrap)) {
            send(bootstrap, account, Envelope.webhook());
            String goldenKey = watch.await(Sent.contactWithEmail(account.email()), 1).get(0).command().recordKey();

            send(bootstrap, order(WOO, TestTenants.ACME_WOO, newId(), guestElsewhere, OrderStatus.PAID, T2, null),
                    Envelope.webhook());
            send(bootstrap, order(WOO, TestTenants.ACME_WOO, newId(), namesake, OrderStatus.PAID, T2, null),
                    Envelope.webhook());

            assertThat(watch.await(Sent.contactWithEmail(guestElsewhere.email()), 1)).singleElement()
                    .satisfies(c -> assertThat(c.command().recordKey()).isEqualTo(goldenKey));
            assertThat(watch.await(Sent.contactWithEmail(namesake.email()), 1)).singleElement()
                    .satisfies(c -> assertThat(c.command().recordKey()).isNotEqualTo(goldenKey));
            assertThat(rows.links(goldenKey)).containsExactly(
                    "STORE_CUSTOMER shopify:acme-shopify:" + id + " FIRST_SEEN",
                    "EMAIL work+" + id + "@example.com FIRST_SEEN",
                    "PHONE_LAST_NAME " + phone + "|muller FIRST_SEEN",
                    "EMAIL home+" + id + "@example.com SAME_PHONE_AND_LAST_NAME");
        }
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
