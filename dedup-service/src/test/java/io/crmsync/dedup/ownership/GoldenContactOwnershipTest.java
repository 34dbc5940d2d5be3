package io.crmsync.dedup.ownership;

import io.crmsync.commons.tenant.FieldOwnership;
import io.crmsync.commons.tenant.FieldRule;
import io.crmsync.commons.tenant.FieldStrategy;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.dedup.ContactData;
import io.crmsync.dedup.GoldenContact;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** {@code GoldenContact.absorb} field by field under a tenant's rules, and what a contact upsert then carries. */
class GoldenContactOwnershipTest {

    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-01T11:00:00Z");
    private static final Instant T3 = Instant.parse("2026-03-01T12:00:00Z");
    private static final SourceRef SHOP_CUSTOMER = new SourceRef("shopify", "acme-shopify", "customer", "1");
    private static final SourceRef WOO_CUSTOMER = new SourceRef("woocommerce", "acme-woo", "customer", "9");
    private static final SourceRef SHOP_GUEST = new SourceRef("shopify", "acme-shopify", "customer", null);

    /** The rules the lead's test registry gives globex: phone under review, first name owned by the CRM. */
    private static final FieldOwnership GLOBEX = FieldOwnership.validated(Map.of(FieldOwnership.CONTACT, Map.of(
            "phone", FieldRule.commerce(FieldStrategy.MANUAL_REVIEW),
            "firstName", FieldRule.crm())));

    private final GoldenContact golden = GoldenContact.create("acme", T1);

    @Test
    void defaultsAreLastWriteWinsPerFieldAndAnOlderSourceOnlyFillsEmptyFields() {
        absorb(FieldOwnership.DEFAULTS, new ContactData("kim@example.com", null, "Lee", "+14155550123"), SHOP_CUSTOMER, T2);

        Absorption older = absorb(FieldOwnership.DEFAULTS, new ContactData("kim@old.example", "Kim", "Li", "+4930123456"),
                WOO_CUSTOMER, T1);

        assertThat(older.changed()).isTrue();
        assertThat(golden.fields()).containsExactly(entry("email", "kim@example.com"), entry("firstName", "Kim"),
                entry("lastName", "Lee"), entry("phone", "+14155550123"));
        assertThat(older.conflicts()).isEmpty();
    }

    @Test
    void anEmailChangeKeepsThePreviousEmailAsAnAdditionalOne() {
        absorb(FieldOwnership.DEFAULTS, new ContactData("a@example.com", "Kim", null, null), SHOP_CUSTOMER, T1);
        absorb(FieldOwnership.DEFAULTS, new ContactData("b@example.com", "Kim", null, null), SHOP_CUSTOMER, T2);
        absorb(FieldOwnership.DEFAULTS, new ContactData("c@example.com", "Kim", null, null), SHOP_CUSTOMER, T3);

        assertThat(golden.fields()).containsEntry("email", "c@example.com")
                .containsEntry("additionalEmails", "a@example.com;b@example.com");

        absorb(FieldOwnership.DEFAULTS, new ContactData("a@example.com", "Kim", null, null), SHOP_CUSTOMER, T3.plusSeconds(1));
        assertThat(golden.fields()).as("the primary email is not also an additional one")
                .containsEntry("email", "a@example.com")
                .containsEntry("additionalEmails", "b@example.com;c@example.com");
    }

    @Test
    void aCrmOwnedFieldIsSeededOnceSentWithThatChangeAndNeverAgain() {
        absorb(GLOBEX, new ContactData("kim@example.com", "Kim", "Lee", null), SHOP_CUSTOMER, T1);
        assertThat(golden.fields()).containsEntry("firstName", "Kim");

        GoldenContact reloaded = reloaded(golden);
        assertThat(reloaded.fields()).doesNotContainKey("firstName");
        Absorption later = reloaded.absorb(GLOBEX, new ContactUpdate(new ContactData("kim@example.com", "Kimberly",
                "Lee-Park", null), SHOP_CUSTOMER, T2, "e-2"), T2);

        assertThat(later.changed()).isTrue();
        assertThat(reloaded.fields()).doesNotContainKey("firstName").containsEntry("lastName", "Lee-Park");
    }

    @Test
    void manualReviewKeepsTheGoldenValueAgainstAnotherSourceAndReportsTheConflict() {
        absorb(GLOBEX, new ContactData("kim@example.com", null, null, "+14155550123"), SHOP_CUSTOMER, T1);

        Absorption fromWoo = absorb(GLOBEX, new ContactData("kim@example.com", null, null, "+4930123456"), WOO_CUSTOMER, T2);

        assertThat(fromWoo.changed()).isFalse();
        assertThat(fromWoo.conflicts()).containsExactly(new FieldConflict("phone", "+14155550123", "+4930123456"));
        assertThat(golden.fields()).containsEntry("phone", "+14155550123");

        Absorption ownUpdate = absorb(GLOBEX, new ContactData(null, null, null, "+4930999999"), SHOP_CUSTOMER, T3);
        assertThat(ownUpdate.conflicts()).isEmpty();
        assertThat(golden.fields()).containsEntry("phone", "+4930999999");
    }

    @Test
    void aGuestCheckoutIsAttributedToItsStore() {
        absorb(GLOBEX, new ContactData("kim@example.com", null, null, "+14155550123"), SHOP_GUEST, T1);

        assertThat(absorb(GLOBEX, new ContactData(null, null, null, "+4930123456"), SHOP_GUEST, T2).conflicts()).isEmpty();
        assertThat(absorb(GLOBEX, new ContactData(null, null, null, "+4930000000"), SHOP_CUSTOMER, T3).conflicts())
                .extracting(FieldConflict::field).containsExactly("phone");
        assertThat(SourceIdentity.of(SHOP_GUEST)).isEqualTo("shopify:acme-shopify");
        assertThat(SourceIdentity.of(SHOP_CUSTOMER)).isEqualTo("shopify:acme-shopify:1");
    }

    @Test
    void sourceWinsTakesTheLastProcessedChangeWhateverItsTime() {
        FieldOwnership rules = FieldOwnership.validated(Map.of(FieldOwnership.CONTACT,
                Map.of("lastName", FieldRule.commerce(FieldStrategy.SOURCE_WINS))));
        absorb(rules, new ContactData(null, null, "Lee", null), SHOP_CUSTOMER, T2);

        absorb(rules, new ContactData(null, null, "Li", null), WOO_CUSTOMER, T1);

        assertThat(golden.fields()).containsEntry("lastName", "Li");
    }

    @Test
    void anAcceptedProposalReplacesTheGoldenValueAndIsSentEvenForACrmOwnedField() {
        absorb(GLOBEX, new ContactData("kim@example.com", "Kim", null, "+14155550123"), SHOP_CUSTOMER, T1);
        GoldenContact reloaded = reloaded(golden);

        reloaded.acceptReviewed(GLOBEX, new ContactUpdate(new ContactData(null, null, null, "+4930123456"),
                WOO_CUSTOMER, T2, "e-9"), T3);
        reloaded.acceptReviewed(GLOBEX, new ContactUpdate(new ContactData(null, "Kimberly", null, null),
                WOO_CUSTOMER, T2, "e-9"), T3);

        assertThat(reloaded.fields()).containsEntry("phone", "+4930123456").containsEntry("firstName", "Kimberly");
        assertThat(absorb(reloaded, GLOBEX, new ContactData(null, null, null, "+14155550123"), SHOP_CUSTOMER, T3).conflicts())
                .as("the accepted value is now the proposing source's").extracting(FieldConflict::field).containsExactly("phone");
    }

    private Absorption absorb(FieldOwnership rules, ContactData data, SourceRef source, Instant asOf) {
        return absorb(golden, rules, data, source, asOf);
    }

    private static Absorption absorb(GoldenContact contact, FieldOwnership rules, ContactData data, SourceRef source,
                                     Instant asOf) {
        return contact.absorb(rules, new ContactUpdate(data, source, asOf, "e-" + asOf), asOf);
    }

    /** The same record as a later transaction loads it: what was set then is no longer "set now". */
    private static GoldenContact reloaded(GoldenContact contact) {
        try {
            var copy = GoldenContact.class.getDeclaredConstructor();
            copy.setAccessible(true);
            GoldenContact fresh = copy.newInstance();
            for (var field : GoldenContact.class.getDeclaredFields()) {
                if (!java.lang.reflect.Modifier.isStatic(field.getModifiers())
                        && !field.isAnnotationPresent(jakarta.persistence.Transient.class)) {
                    field.setAccessible(true);
                    field.set(fresh, field.get(contact));
                }
            }
            return fresh;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
