package io.crmsync.normalizer.mapping.adobe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmsync.contract.EventCodec;
import io.crmsync.contract.EventType;
import io.crmsync.contract.model.Address;
import io.crmsync.contract.model.Company;
import io.crmsync.contract.model.Consent;
import io.crmsync.contract.model.ConsentStatus;
import io.crmsync.contract.model.Customer;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.normalizer.mapping.MappingException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.crmsync.normalizer.mapping.adobe.AdobePayloads.STORE;
import static io.crmsync.normalizer.mapping.adobe.AdobePayloads.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdobeCommerceCustomerMappingTest {

    private static final EventCodec CODEC = new EventCodec();
    private static final Address SHIPPING = new Address("Anaïs", "Dupont", null, "12 rue de la Paix", null, "Paris",
            "Île-de-France", "75002", "FR", "+33612345678", "06 12 34 56 78");
    private static final Address BILLING = new Address("Anaïs", "Dupont", "Café Élysée SARL", "8 avenue des Champs-Élysées",
            "Bâtiment B", "Paris", "75", "75008", "FR", "+33142685300", "01 42 68 53 00");

    private final AdobeCustomerMapping mapping = new AdobeCustomerMapping(new AdobeAddressMapping(), new AdobeConsentMapping());

    @Test
    void mapsACustomerWithItsDefaultBillingAddressPhoneAndCompany() {
        Customer customer = map(AdobePayloads.customer());

        assertThat(customer.source()).isEqualTo(new SourceRef("adobe-commerce", STORE, "customer", "77"));
        assertThat(customer.email()).isEqualTo("anaïs.dupont@example.fr");
        assertThat(customer.emailRaw()).isEqualTo("Anaïs.Dupont@Example.FR");
        // Commerce customers have no phone: the default billing address's telephone, in its country.
        assertThat(customer.phone()).isEqualTo("+33142685300");
        assertThat(customer.phoneRaw()).isEqualTo("01 42 68 53 00");
        assertThat(customer.firstName()).isEqualTo("Anaïs");
        assertThat(customer.lastName()).isEqualTo("Dupont");
        assertThat(customer.addresses()).containsExactly(SHIPPING, BILLING);
        assertThat(customer.company()).isEqualTo(new Company(null, "Café Élysée SARL", "FR12345678901", BILLING));
        assertThat(customer.emailMarketingConsent())
                .isEqualTo(new Consent(ConsentStatus.GRANTED, "extension_attributes.is_subscribed=true", null));
        assertThat(customer.createdAt()).isEqualTo(Instant.parse("2025-11-02T08:00:00Z"));
        assertThat(customer.updatedAt()).isEqualTo(Instant.parse("2026-02-14T08:30:00Z"));
        assertThat(customer.sourceVersion()).isNull();

        assertThat(CODEC.decode(EventType.CUSTOMER_NORMALIZED, CODEC.encode(EventType.CUSTOMER_NORMALIZED, customer)))
                .isEqualTo(customer);
    }

    @Test
    void notSubscribedIsNoRefusal() {
        ObjectNode envelope = AdobePayloads.customer();
        ((ObjectNode) value(envelope).get("extension_attributes")).put("is_subscribed", false);

        assertThat(map(envelope).emailMarketingConsent())
                .isEqualTo(new Consent(ConsentStatus.UNKNOWN, "extension_attributes.is_subscribed=false", null));
    }

    @Test
    void withoutTheSubscriptionFlagConsentIsUnknownWithoutSource() {
        ObjectNode envelope = AdobePayloads.customer();
        value(envelope).remove("extension_attributes");

        assertThat(map(envelope).emailMarketingConsent()).isEqualTo(Consent.unknown());
    }

    @Test
    void withoutDefaultBillingThereIsNoPhoneAndNoCompany() {
        ObjectNode envelope = AdobePayloads.customer();
        value(envelope).putNull("default_billing");

        Customer customer = map(envelope);

        assertThat(customer.phone()).isNull();
        assertThat(customer.phoneRaw()).isNull();
        assertThat(customer.company()).isNull();
        assertThat(customer.addresses()).hasSize(2);
        assertThat(CODEC.encode(EventType.CUSTOMER_NORMALIZED, customer)).isNotEmpty();
    }

    @Test
    void customerTaxVatNumbersACompanyWhoseAddressHasNone() {
        ObjectNode envelope = AdobePayloads.customer();
        value(envelope).put("taxvat", "FR99999999999");
        ((ObjectNode) value(envelope).get("addresses").get(1)).putNull("vat_id");

        assertThat(map(envelope).company().taxId()).isEqualTo("FR99999999999");
    }

    @Test
    void customerWithoutIdIsAMappingError() {
        ObjectNode envelope = AdobePayloads.customer();
        value(envelope).remove("entity_id");

        assertThatThrownBy(() -> map(envelope)).isInstanceOf(MappingException.class).hasMessageContaining("entity_id");
    }

    private Customer map(ObjectNode envelope) {
        return mapping.fromCustomer(STORE, AdobePayloads.event(envelope));
    }
}
