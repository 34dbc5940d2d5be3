package io.crmsync.normalizer.mapping.woocommerce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmsync.contract.EventType;
import io.crmsync.contract.model.Address;
import io.crmsync.contract.model.Company;
import io.crmsync.contract.model.Consent;
import io.crmsync.contract.model.Customer;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.normalizer.mapping.MappingException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.crmsync.normalizer.mapping.woocommerce.WooCommercePayloads.STORE;
import static io.crmsync.normalizer.mapping.woocommerce.WooCommercePayloads.assertValidAndRoundTrips;
import static io.crmsync.normalizer.mapping.woocommerce.WooCommercePayloads.fixture;
import static io.crmsync.normalizer.mapping.woocommerce.WooCommercePayloads.ours;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WooCommerceCustomerMappingTest {

    private final WooCommerceCustomerMapping mapping = new WooCommerceCustomerMapping(new WooCommerceAddressMapping());

    @Test
    void mapsTheRealRetrievedCustomer() {
        Customer customer = mapping.fromCustomer(STORE, fixture("customer_retrieve_v3.json"));

        assertThat(customer).isEqualTo(new Customer(
                new SourceRef("woocommerce", STORE, "customer", "25"),
                "john.doe@example.com", "john.doe@example.com",
                // 555 is North America's fictional area code: raw kept, no E.164
                null, "(555) 555-5555",
                "John", "Doe",
                // is_paying_customer: false says nothing about marketing consent
                Consent.unknown(),
                List.of(new Address("John", "Doe", null, "969 Market", null, "San Francisco", "CA", "94103", "US",
                                null, "(555) 555-5555"),
                        new Address("John", "Doe", null, "969 Market", null, "San Francisco", "CA", "94103", "US",
                                null, null)),
                Instant.parse("2017-03-21T19:09:28Z"),
                Instant.parse("2017-03-21T19:09:30Z"),
                null,
                null));
        assertValidAndRoundTrips(EventType.CUSTOMER_NORMALIZED, customer);
    }

    @Test
    void mapsACustomerWithDiacriticsNationalPhoneAndCompany() {
        Customer customer = mapping.fromCustomer(STORE, ours("customer-de.json"));

        assertThat(customer.source()).isEqualTo(new SourceRef("woocommerce", STORE, "customer", "314"));
        assertThat(customer.email()).isEqualTo("jörg.bäcker@example.com");
        assertThat(customer.emailRaw()).isEqualTo(" Jörg.Bäcker@Example.COM");
        assertThat(customer.phone()).isEqualTo("+492111234567");
        assertThat(customer.phoneRaw()).isEqualTo("0211 1234567");
        assertThat(customer.firstName()).isEqualTo("Jörg");
        assertThat(customer.lastName()).isEqualTo("Bäcker-Łukasiewicz");
        // a paying customer, still no consent evidence
        assertThat(customer.emailMarketingConsent()).isEqualTo(Consent.unknown());
        Address billing = new Address("Jörg", "Bäcker-Łukasiewicz", "Bäckerei Ærø GmbH", "Königsallee 2", null,
                "Düsseldorf", "NW", "40212", "DE", "+492111234567", "0211 1234567");
        // the all-blank shipping object is no address
        assertThat(customer.addresses()).containsExactly(billing);
        assertThat(customer.company()).isEqualTo(new Company(null, "Bäckerei Ærø GmbH", null, billing));
        assertThat(customer.createdAt()).isEqualTo(Instant.parse("2025-11-20T17:05:44Z"));
        assertThat(customer.updatedAt()).isEqualTo(Instant.parse("2026-02-14T08:30:00Z"));
        assertThat(customer.sourceVersion()).isNull();
        assertValidAndRoundTrips(EventType.CUSTOMER_NORMALIZED, customer);
    }

    @Test
    void phoneRegionFallsBackToTheShippingCountry() {
        ObjectNode payload = ours("customer-de.json");
        ((ObjectNode) payload.get("billing")).put("country", "").put("phone", "0664 1234567");
        ((ObjectNode) payload.get("shipping")).put("country", "AT").put("city", "Wien");

        Customer customer = mapping.fromCustomer(STORE, payload);

        // an Austrian mobile in national format, read in the shipping country
        assertThat(customer.phone()).isEqualTo("+436641234567");
        assertThat(customer.addresses()).hasSize(2);
    }

    @Test
    void textThatIsNotAnEmailIsKeptOnlyRaw() {
        Customer customer = mapping.fromCustomer(STORE, ours("customer-de.json").put("email", "jörg at bäckerei"));

        assertThat(customer.email()).isNull();
        assertThat(customer.emailRaw()).isEqualTo("jörg at bäckerei");
        assertValidAndRoundTrips(EventType.CUSTOMER_NORMALIZED, customer);
    }

    @Test
    void missingIdOrModificationTimeIsAMappingError() {
        ObjectNode noId = ours("customer-de.json");
        noId.remove("id");
        ObjectNode noTime = ours("customer-de.json");
        noTime.remove(List.of("date_modified_gmt", "date_modified"));

        assertThatThrownBy(() -> mapping.fromCustomer(STORE, noId))
                .isInstanceOf(MappingException.class).hasMessageContaining("'id'");
        assertThatThrownBy(() -> mapping.fromCustomer(STORE, noTime))
                .isInstanceOf(MappingException.class).hasMessageContaining("date_modified");
    }
}
