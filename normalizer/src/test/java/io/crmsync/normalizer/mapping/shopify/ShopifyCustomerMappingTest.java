package io.crmsync.normalizer.mapping.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmsync.contract.EventCodec;
import io.crmsync.contract.EventType;
import io.crmsync.contract.model.Address;
import io.crmsync.contract.model.Consent;
import io.crmsync.contract.model.ConsentStatus;
import io.crmsync.contract.model.Customer;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.testkit.SharedFixtures;
import io.crmsync.normalizer.TestPayloads;
import io.crmsync.normalizer.mapping.MappingException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShopifyCustomerMappingTest {

    private static final String STORE = "acme-shopify";
    private static final EventCodec CODEC = new EventCodec();
    private static final Consent NOT_SUBSCRIBED_2004 = new Consent(ConsentStatus.UNKNOWN,
            "email_marketing_consent.state=not_subscribed", Instant.parse("2004-06-13T15:57:11Z"));
    private static final Address BOB_HOME = new Address(null, null, null, "Chestnut Street 92", null,
            "Louisville", "KY", "40202", "US", null, "555-625-1199");

    private final ShopifyCustomerMapping mapping = new ShopifyCustomerMapping(new ShopifyAddressMapping(), new ShopifyConsentMapping());

    @Test
    void mapsTheRealCustomerList() {
        List<JsonNode> customers = SharedFixtures.resources("shopify/" + "rest_2024-04_customer_all__test_1.json", "customers");
        assertThat(customers).hasSize(2);

        Customer steve = mapping.fromCustomer(STORE, customers.get(0));
        assertThat(steve.source()).isEqualTo(new SourceRef("shopify", STORE, "customer", "1073339482"));
        assertThat(steve.email()).isEqualTo("steve.lastnameson@example.com");
        assertThat(steve.emailRaw()).isEqualTo("steve.lastnameson@example.com");
        assertThat(steve.phone()).isEqualTo("+15142546011");
        assertThat(steve.phoneRaw()).isEqualTo("+15142546011");
        assertThat(steve.firstName()).isEqualTo("Steve");
        assertThat(steve.lastName()).isEqualTo("Lastnameson");
        assertThat(steve.emailMarketingConsent()).isEqualTo(new Consent(ConsentStatus.UNKNOWN,
                "email_marketing_consent.state=not_subscribed", null));
        // "555-1212" is a seven-digit local number: no E.164 form without an area code.
        assertThat(steve.addresses()).containsExactly(new Address("Mother", "Lastnameson", null, "123 Oak St", null,
                "Ottawa", "ON", "123 ABC", "CA", null, "555-1212"));
        assertThat(steve.createdAt()).isEqualTo(Instant.parse("2024-04-02T14:24:09Z"));
        assertThat(steve.updatedAt()).isEqualTo(Instant.parse("2024-04-02T14:24:09Z"));
        assertThat(steve.sourceVersion()).isNull();

        Customer bob = mapping.fromCustomer(STORE, customers.get(1));
        assertBob(bob, Instant.parse("2024-04-02T14:23:53Z"));

        assertThat(CODEC.encode(EventType.CUSTOMER_NORMALIZED, steve)).isNotEmpty();
        assertThat(CODEC.encode(EventType.CUSTOMER_NORMALIZED, bob)).isNotEmpty();
    }

    @Test
    void mapsTheRealSingleCustomer() {
        List<JsonNode> customers = SharedFixtures.resources("shopify/" + "rest_2024-04_customer_find__test_12.json", "customer");

        Customer bob = mapping.fromCustomer(STORE, customers.get(0));

        assertBob(bob, Instant.parse("2024-04-02T14:20:49Z"));
        assertThat(CODEC.encode(EventType.CUSTOMER_NORMALIZED, bob)).isNotEmpty();
    }

    private static void assertBob(Customer bob, Instant updatedAt) {
        assertThat(bob.source()).isEqualTo(new SourceRef("shopify", STORE, "customer", "207119551"));
        assertThat(bob.email()).isEqualTo("bob.norman@mail.example.com");
        assertThat(bob.phone()).isEqualTo("+16136120707");
        assertThat(bob.firstName()).isEqualTo("Bob");
        assertThat(bob.lastName()).isEqualTo("Norman");
        assertThat(bob.emailMarketingConsent()).isEqualTo(NOT_SUBSCRIBED_2004);
        assertThat(bob.addresses()).containsExactly(BOB_HOME);
        assertThat(bob.updatedAt()).isEqualTo(updatedAt);
        assertThat(bob.createdAt()).isEqualTo(updatedAt);
    }

    @Test
    void mapsAFrenchCustomerWithNationalPhonesAndExplicitOptIn() {
        Customer elodie = mapping.fromCustomer(STORE, TestPayloads.frenchCustomer());

        assertThat(elodie.source()).isEqualTo(new SourceRef("shopify", STORE, "customer", "6200000001"));
        assertThat(elodie.firstName()).isEqualTo("Élodie");
        assertThat(elodie.lastName()).isEqualTo("Dupré");
        // Read in the default address's country.
        assertThat(elodie.phone()).isEqualTo("+33612345678");
        assertThat(elodie.phoneRaw()).isEqualTo("06 12 34 56 78");
        assertThat(elodie.emailMarketingConsent()).isEqualTo(new Consent(ConsentStatus.GRANTED,
                "email_marketing_consent.state=subscribed", Instant.parse("2026-02-14T08:30:00Z")));
        assertThat(elodie.addresses()).containsExactly(new Address("Élodie", "Dupré", null, "12 rue de la Préfecture", null,
                "Besançon", null, "25000", "FR", "+33381251000", "03 81 25 10 00"));
        assertThat(elodie.updatedAt()).isEqualTo(Instant.parse("2026-02-14T08:30:00Z"));
        assertThat(CODEC.encode(EventType.CUSTOMER_NORMALIZED, elodie)).isNotEmpty();
    }

    @Test
    void emailIsTrimmedAndLowerCasedWithRawKept() {
        Customer customer = mapping.fromCustomer(STORE, TestPayloads.frenchCustomer().put("email", "  ÉLODIE.Dupré@Exemple.FR \t"));

        assertThat(customer.email()).isEqualTo("élodie.dupré@exemple.fr");
        assertThat(customer.emailRaw()).isEqualTo("  ÉLODIE.Dupré@Exemple.FR \t");
        assertThat(CODEC.encode(EventType.CUSTOMER_NORMALIZED, customer)).isNotEmpty();
    }

    @Test
    void textThatIsNoAddressIsKeptOnlyAsRaw() {
        Customer customer = mapping.fromCustomer(STORE, TestPayloads.frenchCustomer().put("email", "Elodie at home"));

        assertThat(customer.email()).isNull();
        assertThat(customer.emailRaw()).isEqualTo("Elodie at home");
        assertThat(CODEC.encode(EventType.CUSTOMER_NORMALIZED, customer)).isNotEmpty();
    }

    @Test
    void unparseablePhoneKeepsRawAndLeavesPhoneEmpty() {
        Customer customer = mapping.fromCustomer(STORE, TestPayloads.frenchCustomer().put("phone", "n/a"));

        assertThat(customer.phone()).isNull();
        assertThat(customer.phoneRaw()).isEqualTo("n/a");
    }

    @Test
    void nationalPhoneWithoutAnyCountryStaysRaw() {
        ObjectNode payload = TestPayloads.frenchCustomer();
        payload.remove(List.of("addresses", "default_address"));

        Customer customer = mapping.fromCustomer(STORE, payload);

        assertThat(customer.phone()).isNull();
        assertThat(customer.phoneRaw()).isEqualTo("06 12 34 56 78");
        assertThat(customer.addresses()).isEmpty();
    }

    @Test
    void unsubscribedIsDenied() {
        ObjectNode payload = TestPayloads.frenchCustomer();
        ((ObjectNode) payload.get("email_marketing_consent")).put("state", "unsubscribed");

        assertThat(mapping.fromCustomer(STORE, payload).emailMarketingConsent().status()).isEqualTo(ConsentStatus.DENIED);
    }

    @Test
    void pendingDoubleOptInIsNotYetGranted() {
        ObjectNode payload = TestPayloads.frenchCustomer();
        ((ObjectNode) payload.get("email_marketing_consent")).put("state", "pending");

        assertThat(mapping.fromCustomer(STORE, payload).emailMarketingConsent())
                .isEqualTo(new Consent(ConsentStatus.UNKNOWN, "email_marketing_consent.state=pending",
                        Instant.parse("2026-02-14T08:30:00Z")));
    }

    @Test
    void legacyAcceptsMarketingTrueIsAnExplicitOptIn() {
        ObjectNode payload = TestPayloads.frenchCustomer();
        payload.remove("email_marketing_consent");
        payload.put("accepts_marketing", true).put("accepts_marketing_updated_at", "2020-05-01T12:00:00+02:00");

        assertThat(mapping.fromCustomer(STORE, payload).emailMarketingConsent())
                .isEqualTo(new Consent(ConsentStatus.GRANTED, "accepts_marketing=true", Instant.parse("2020-05-01T10:00:00Z")));
    }

    @Test
    void legacyAcceptsMarketingFalseIsNoRefusal() {
        ObjectNode payload = TestPayloads.frenchCustomer();
        payload.remove("email_marketing_consent");
        payload.put("accepts_marketing", false);

        assertThat(mapping.fromCustomer(STORE, payload).emailMarketingConsent())
                .isEqualTo(new Consent(ConsentStatus.UNKNOWN, "accepts_marketing=false", null));
    }

    @Test
    void noConsentEvidenceIsUnknown() {
        ObjectNode payload = TestPayloads.frenchCustomer();
        payload.remove("email_marketing_consent");

        assertThat(mapping.fromCustomer(STORE, payload).emailMarketingConsent()).isEqualTo(Consent.unknown());
    }

    @Test
    void customerWithoutIdIsAMappingError() {
        ObjectNode payload = TestPayloads.frenchCustomer();
        payload.remove("id");

        assertThatThrownBy(() -> mapping.fromCustomer(STORE, payload))
                .isInstanceOf(MappingException.class).hasMessageContaining("'id'");
    }
}
