package io.crmsync.dedup;

import io.agroal.api.AgroalDataSource;
import io.crmsync.contract.command.AssociationRef;
import io.crmsync.contract.command.CrmRecordUpsert;
import io.crmsync.contract.model.Company;
import io.crmsync.contract.model.Customer;
import io.crmsync.contract.model.Order;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.dedup.CommandWatch.Sent;
import io.crmsync.dedup.NormalizedEvents.Envelope;
import io.crmsync.testkit.CrmSyncTestResource;
import io.crmsync.testkit.TestTenants;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import static io.crmsync.dedup.NormalizedEvents.SHOPIFY;
import static io.crmsync.dedup.NormalizedEvents.T1;
import static io.crmsync.dedup.NormalizedEvents.T2;
import static io.crmsync.dedup.NormalizedEvents.customer;
import static io.crmsync.dedup.NormalizedEvents.newId;
import static io.crmsync.dedup.NormalizedEvents.send;
import static io.crmsync.dedup.NormalizedEvents.shopifyOrder;
import static io.crmsync.dedup.NormalizedEvents.withCompany;
import static org.assertj.core.api.Assertions.assertThat;

/** B2B: golden companies from the orders' and customers' company, and the associations to them. */
@QuarkusTest
@WithTestResource(CrmSyncTestResource.class)
class CompanyMatchingTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void twoBuyersOfOneBusinessShareTheGoldenCompanyAndTheirContactsAndDealsAreAssociatedWithIt() throws SQLException {
        String id = newId();
        String name = "Müller & Söhne " + id + " GmbH";
        // Billing company text as the normalizer reads it; the country comes from the billing address (US).
        Order first = withCompany(shopifyOrder(id, customer(SHOPIFY, TestTenants.ACME_SHOPIFY, newId(),
                "ana+" + id + "@example.com", "Ana", T1), T1), new Company(null, name, null, null));
        String secondId = newId();
        Order second = withCompany(shopifyOrder(secondId, customer(SHOPIFY, TestTenants.ACME_SHOPIFY, newId(),
                "ben+" + id + "@example.com", "Ben", T2), T2), new Company(null, " MULLER & SOHNE " + id + " GMBH", null, null));

        try (CommandWatch watch = CommandWatch.open(bootstrap)) {
            send(bootstrap, first, Envelope.webhook());
            List<Sent> companies = watch.await(companyNamed(name), 1);
            assertThat(companies).singleElement().satisfies(c -> {
                assertThat(c.command().recordKey()).startsWith("co-");
                assertThat(c.command().fields()).containsEntry("name", name).containsEntry("city", "San Francisco")
                        .containsEntry("countryCode", "US").containsEntry("phone", "+14155550123");
            });
            String companyKey = companies.get(0).command().recordKey();
            AssociationRef toCompany = new AssociationRef(CrmRecordUpsert.COMPANY, companyKey);

            send(bootstrap, second, Envelope.webhook());
            assertThat(watch.await(s -> s.command().crmObjectType().equals(CrmRecordUpsert.COMPANY)
                    && companyKey.equals(s.command().recordKey()), 2)).hasSize(2)
                    .last().satisfies(c -> assertThat(c.field("name")).isEqualTo("MULLER & SOHNE " + id + " GMBH"));

            List<Sent> contacts = watch.await(s -> Sent.contactWithEmail("ana+" + id + "@example.com").test(s)
                    || Sent.contactWithEmail("ben+" + id + "@example.com").test(s), 2);
            assertThat(contacts).hasSize(2).allSatisfy(c -> assertThat(c.command().associations()).containsExactly(toCompany));
            assertThat(contacts).extracting(c -> c.command().recordKey()).doesNotHaveDuplicates();

            List<Sent> deals = watch.await(s -> Sent.dealOf(TestTenants.ACME_SHOPIFY + ":" + id).test(s)
                    || Sent.dealOf(TestTenants.ACME_SHOPIFY + ":" + secondId).test(s), 2);
            assertThat(deals).hasSize(2).allSatisfy(d -> assertThat(d.command().associations())
                    .extracting(AssociationRef::crmObjectType).containsExactly(CrmRecordUpsert.CONTACT, CrmRecordUpsert.COMPANY))
                    .allSatisfy(d -> assertThat(d.command().associations()).contains(toCompany));
            assertThat(new DedupRows(dataSource).companyLinks(companyKey)).containsExactly(
                    "NAME_AND_COUNTRY mullersohne" + id + "gmbh|US FIRST_SEEN");
        }
    }

    @Test
    void thePlatformsCompanyObjectWinsOverTheNameAndACustomerIsAssociatedWithItsCompany() throws SQLException {
        String id = newId();
        SourceRef companyObject = new SourceRef(SHOPIFY, TestTenants.ACME_SHOPIFY, "company", id);
        Customer buyer = customer(SHOPIFY, TestTenants.ACME_SHOPIFY, newId(), "cat+" + id + "@example.com", "Cat", T1);
        Customer withCompany = new Customer(buyer.source(), buyer.email(), buyer.emailRaw(), buyer.phone(),
                buyer.phoneRaw(), buyer.firstName(), buyer.lastName(), buyer.emailMarketingConsent(), buyer.addresses(),
                buyer.createdAt(), buyer.updatedAt(), buyer.sourceVersion(),
                new Company(companyObject, "Initech " + id, null, null));
        Order renamed = withCompany(shopifyOrder(id, buyer, T2), new Company(companyObject, "Initech " + id + " Ltd", null, null));

        try (CommandWatch watch = CommandWatch.open(bootstrap)) {
            send(bootstrap, withCompany, Envelope.webhook());
            String companyKey = watch.await(companyNamed("Initech " + id), 1).get(0).command().recordKey();
            assertThat(watch.await(Sent.contactWithEmail(buyer.email()), 1)).singleElement()
                    .satisfies(c -> assertThat(c.command().associations())
                            .containsExactly(new AssociationRef(CrmRecordUpsert.COMPANY, companyKey)));

            send(bootstrap, renamed, Envelope.webhook());
            assertThat(watch.await(companyNamed("Initech " + id + " Ltd"), 1)).singleElement()
                    .satisfies(c -> {
                        assertThat(c.command().recordKey()).isEqualTo(companyKey);
                        assertThat(c.command().source()).isEqualTo(companyObject);
                    });
            assertThat(watch.settle(s -> s.command().crmObjectType().equals(CrmRecordUpsert.COMPANY)
                    && s.field("name").startsWith("Initech " + id), Duration.ofSeconds(1))).hasSize(2);
            assertThat(new DedupRows(dataSource).companyLinks(companyKey)).containsExactly(
                    "COMPANY_SOURCE shopify:acme-shopify:" + id + " FIRST_SEEN",
                    // The customer event has no address, so no country; the order's billing address has one.
                    "NAME_AND_COUNTRY initech" + id + "| FIRST_SEEN",
                    "NAME_AND_COUNTRY initech" + id + "ltd|US SAME_COMPANY_SOURCE");
        }
    }

    private static java.util.function.Predicate<Sent> companyNamed(String name) {
        return s -> CrmRecordUpsert.COMPANY.equals(s.command().crmObjectType()) && name.equals(s.field("name"));
    }
}
