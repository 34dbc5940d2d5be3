package io.crmsync.normalizer.mapping.bigcommerce;

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

import static io.crmsync.normalizer.mapping.bigcommerce.BigCommercePayloads.STORE;
import static io.crmsync.normalizer.mapping.bigcommerce.BigCommercePayloads.assertValidCanonical;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BigCommerceCustomerMappingTest {

    private static final Address MUNICH = new Address("Zoë", "Müller-Łukasiewicz", "Bäckerei Ærø GmbH", "Hauptstraße 1",
            "Hinterhaus, 2. OG", "München", "Bayern", "80331", "DE", "+49891234567", "089 1234567");
    private static final Address PARIS = new Address("Zoë", "Müller", null, "12 rue de l'Église", null, "Paris",
            "Île-de-France", "75004", "FR", "+33142685300", "01 42 68 53 00");

    private final BigCommerceCustomerMapping mapping = new BigCommerceCustomerMapping(new BigCommerceAddressMapping());

    @Test
    void mapsAV3CustomerWithItsAddresses() {
        Customer customer = mapping.fromCustomer(STORE, BigCommercePayloads.customer());

        assertThat(customer.source()).isEqualTo(new SourceRef("bigcommerce", STORE, "customer", "42"));
        assertThat(customer.email()).isEqualTo("zoe@baeckerei-aero.example");
        assertThat(customer.emailRaw()).isEqualTo(" Zoe@Baeckerei-Aero.example");
        // National number read in the first address's country.
        assertThat(customer.phone()).isEqualTo("+49891234567");
        assertThat(customer.phoneRaw()).isEqualTo("089 1234567");
        assertThat(customer.firstName()).isEqualTo("Zoë");
        assertThat(customer.lastName()).isEqualTo("Müller-Łukasiewicz");
        assertThat(customer.addresses()).containsExactly(MUNICH, PARIS);
        // accepts_product_review_abandoned_cart_emails=true is not marketing consent; subscriptions live elsewhere.
        assertThat(customer.emailMarketingConsent()).isEqualTo(Consent.unknown());
        assertThat(customer.company()).isEqualTo(new Company(null, "Bäckerei Ærø GmbH", null, null));
        assertThat(customer.createdAt()).isEqualTo(Instant.parse("2025-11-02T10:00:00Z"));
        assertThat(customer.updatedAt()).isEqualTo(Instant.parse("2026-03-01T08:16:02Z"));
        assertThat(customer.sourceVersion()).isNull();

        assertValidCanonical(EventType.CUSTOMER_NORMALIZED, customer);
    }

    @Test
    void withoutACompanyFieldTheFirstAddressNamesTheCompany() {
        Customer customer = mapping.fromCustomer(STORE, BigCommercePayloads.customer().put("company", ""));

        assertThat(customer.company()).isEqualTo(new Company(null, "Bäckerei Ærø GmbH", null, MUNICH));
        assertValidCanonical(EventType.CUSTOMER_NORMALIZED, customer);
    }

    @Test
    void customerWithoutAddressesOrCompanyHasNeither() {
        ObjectNode payload = BigCommercePayloads.customer().put("company", "").put("phone", "+33 6 12 34 56 78");
        payload.putArray("addresses");

        Customer customer = mapping.fromCustomer(STORE, payload);

        assertThat(customer.addresses()).isEmpty();
        assertThat(customer.company()).isNull();
        // International numbers need no hint.
        assertThat(customer.phone()).isEqualTo("+33612345678");
        assertValidCanonical(EventType.CUSTOMER_NORMALIZED, customer);
    }

    @Test
    void missingIdIsAMappingError() {
        ObjectNode payload = BigCommercePayloads.customer();
        payload.remove("id");

        assertThatThrownBy(() -> mapping.fromCustomer(STORE, payload)).isInstanceOf(MappingException.class).hasMessageContaining("'id'");
    }

    @Test
    void missingDateModifiedIsAMappingError() {
        ObjectNode payload = BigCommercePayloads.customer();
        payload.remove("date_modified");

        assertThatThrownBy(() -> mapping.fromCustomer(STORE, payload)).isInstanceOf(MappingException.class)
                .hasMessageContaining("date_modified");
    }
}
