package io.crmsync.dedup;

import io.crmsync.commons.tenant.FieldOwnership;
import io.crmsync.contract.EventCodec;
import io.crmsync.contract.EventType;
import io.crmsync.contract.Origin;
import io.crmsync.contract.command.AssociationRef;
import io.crmsync.contract.command.CrmRecordMerge;
import io.crmsync.contract.command.CrmRecordUpsert;
import io.crmsync.contract.command.SyncMode;
import io.crmsync.contract.model.Address;
import io.crmsync.contract.model.Company;
import io.crmsync.contract.model.Customer;
import io.crmsync.contract.model.Order;
import io.crmsync.contract.model.OrderStatus;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.dedup.ownership.ContactUpdate;
import io.crmsync.dedup.service.Fingerprints;
import io.crmsync.dedup.service.UpsertCommandFactory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.crmsync.dedup.NormalizedEvents.SHOPIFY;
import static io.crmsync.dedup.NormalizedEvents.T1;
import static io.crmsync.dedup.NormalizedEvents.T2;
import static io.crmsync.dedup.NormalizedEvents.customer;
import static io.crmsync.dedup.NormalizedEvents.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** Command mapping, golden-field, fingerprint and freshness rules, without Kafka or a database. */
class UpsertCommandFactoryTest {

    private static final EventCodec CODEC = new EventCodec();
    private final UpsertCommandFactory factory = new UpsertCommandFactory();

    @Test
    void aDealCarriesTheOrderUnderTheContractsFieldNamesAndValidates() {
        Order order = order(SHOPIFY, "acme-shopify", "450789469", null, OrderStatus.PARTIALLY_REFUNDED, T2, "3");

        CrmRecordUpsert deal = factory.deal("acme", order, "gc-1", "co-1", SyncMode.BACKFILL);

        assertThat(deal.recordKey()).isEqualTo("acme-shopify:450789469");
        assertThat(deal.kafkaKey()).isEqualTo("acme/deal/acme-shopify:450789469");
        assertThat(deal.fields()).containsExactly(
                entry("orderRef", "acme-shopify:450789469"),
                entry("name", "Order #450789469 — acme-shopify"),
                entry("amount", "113.50"),
                entry("currency", "USD"),
                entry("status", "partially_refunded"),
                entry("orderNumber", "#450789469"),
                entry("createdAt", T1.toString()));
        assertThat(deal.associations()).containsExactly(new AssociationRef(CrmRecordUpsert.CONTACT, "gc-1"),
                new AssociationRef(CrmRecordUpsert.COMPANY, "co-1"));
        assertThat(deal.syncMode()).isEqualTo(SyncMode.BACKFILL);
        assertThat(deal.sourceUpdatedAt()).isEqualTo(T2);
        assertThat(CODEC.decode(EventType.DEAL_UPSERT, CODEC.encode(EventType.DEAL_UPSERT, deal))).isEqualTo(deal);
    }

    @Test
    void aDealWithoutNumberIsNamedByTheOrderIdAndAnOrderWithoutCustomerHasNoAssociation() {
        Order base = order(SHOPIFY, "acme-shopify", "99", null, OrderStatus.OPEN, T1, null);
        Order unnumbered = new Order(base.source(), null, base.status(), null, base.totals(), base.lines(), null,
                base.billingAddresses(), base.shippingAddresses(), null, base.updatedAt(), null, null);

        CrmRecordUpsert deal = factory.deal("acme", unnumbered, null, null, SyncMode.LIVE);

        assertThat(deal.fields()).containsEntry("name", "Order #99 — acme-shopify")
                .doesNotContainKeys("orderNumber", "createdAt");
        assertThat(deal.associations()).isEmpty();
        CODEC.encode(EventType.DEAL_UPSERT, deal);
    }

    @Test
    void everyCommandHasItsOwnId() {
        Order order = order(SHOPIFY, "acme-shopify", "1", null, OrderStatus.PAID, T1, null);
        assertThat(factory.deal("acme", order, null, null, SyncMode.LIVE).commandId())
                .isNotEqualTo(factory.deal("acme", order, null, null, SyncMode.LIVE).commandId());
    }

    @Test
    void onlyBackfillOriginIsBackfillMode() {
        assertThat(UpsertCommandFactory.syncMode(Origin.BACKFILL)).isEqualTo(SyncMode.BACKFILL);
        assertThat(UpsertCommandFactory.syncMode(Origin.WEBHOOK)).isEqualTo(SyncMode.LIVE);
        assertThat(UpsertCommandFactory.syncMode(Origin.POLL)).isEqualTo(SyncMode.LIVE);
        assertThat(UpsertCommandFactory.syncMode(Origin.REPLAY)).isEqualTo(SyncMode.LIVE);
    }

    @Test
    void aContactCarriesTheGoldenFieldsAndOlderDataDoesNotOverwriteNewer() {
        GoldenContact golden = GoldenContact.create("acme", T1);
        Customer newer = customer(SHOPIFY, "acme-shopify", "7", "New@Example.com", "Neu", T2);
        Customer older = customer(SHOPIFY, "acme-shopify", "7", "old@example.com", "Alt", T1);

        assertThat(golden.absorb(FieldOwnership.DEFAULTS,
                new ContactUpdate(ContactData.of(newer, newer.addresses()), newer.source(), T2, "e-2"), T2).changed()).isTrue();
        assertThat(golden.absorb(FieldOwnership.DEFAULTS,
                new ContactUpdate(ContactData.of(older, older.addresses()), older.source(), T1, "e-1"), T2).changed()).isFalse();
        CrmRecordUpsert contact = factory.contact("acme", golden, newer.source(), T2, SyncMode.LIVE, null);

        assertThat(contact.recordKey()).isEqualTo(golden.key()).startsWith("gc-");
        assertThat(contact.fields()).containsExactly(entry("email", "new@example.com"), entry("firstName", "Neu"),
                entry("lastName", "Müller"), entry("phone", newer.phone()));
        CODEC.encode(EventType.CONTACT_UPSERT, contact);
    }

    @Test
    void aGuestsNamesComeFromTheBillingAddressAndTheRawEmailIsNormalised() {
        Customer guest = new Customer(customer(SHOPIFY, "acme-shopify", null, null, null, T1).source(), null,
                "  Zoe@Example.COM ", null, null, null, null, null, null, null, T1, null, null);
        Order order = order(SHOPIFY, "acme-shopify", "5", guest, OrderStatus.PAID, T1, null);

        ContactData data = ContactData.of(guest, order.billingAddresses());

        assertThat(data).isEqualTo(new ContactData("zoe@example.com", "Zoë", "Müller", null));
        assertThat(ContactData.normaliseEmail("not-an-address")).isNull();
    }

    @Test
    void fingerprintsUseTheVersionWhenThereIsOneAndTheContentAlways() {
        Order v3 = order(SHOPIFY, "acme-shopify", "1", null, OrderStatus.PAID, T1, "3");
        Order v3Changed = order(SHOPIFY, "acme-shopify", "1", null, OrderStatus.FULFILLED, T1, "3");
        Order unversioned = order(SHOPIFY, "acme-shopify", "1", null, OrderStatus.PAID, T1, null);
        Order unversionedLater = order(SHOPIFY, "acme-shopify", "1", null, OrderStatus.PAID, T2, null);

        String fingerprint = Fingerprints.of(v3.sourceVersion(), v3.updatedAt(), v3);

        assertThat(fingerprint).startsWith("v:3|sha256:").hasSize("v:3|sha256:".length() + 64);
        assertThat(Fingerprints.of("3", T1, v3)).isEqualTo(fingerprint);
        assertThat(Fingerprints.of("3", T1, v3Changed)).isNotEqualTo(fingerprint);
        assertThat(Fingerprints.of(null, T1, unversioned)).startsWith("t:" + T1 + "|");
        assertThat(Fingerprints.of(null, T2, unversionedLater))
                .isNotEqualTo(Fingerprints.of(null, T1, unversioned));
    }

    @Test
    void aStaleUpdateIsOneStrictlyOlderThanTheNewestApplied() {
        SourceEntity entity = new SourceEntity();
        entity.advance(T2, null, "f2", Instant.now());
        assertThat(entity.isStale(T1, null)).isTrue();
        assertThat(entity.isStale(T2, null)).isFalse();
        assertThat(entity.isStale(T2.plusSeconds(1), null)).isFalse();
    }

    /** Whole-second updatedAt ties: the state seen later wins; without an observation time a tie is not stale. */
    @Test
    void aSameSecondStateSeenEarlierIsStale() {
        Instant seen = T2.plusMillis(300);
        SourceEntity entity = new SourceEntity();
        entity.advance(T2, seen, "paid", Instant.now());

        assertThat(entity.isStale(T2, seen.minusMillis(300))).isTrue();
        assertThat(entity.isStale(T2, seen.plusMillis(1))).isFalse();
        assertThat(entity.isStale(T2, null)).isFalse();
        assertThat(entity.isStale(T1, seen.plusSeconds(60))).as("an older updatedAt stays stale").isTrue();

        entity.advance(T2, seen.plusMillis(50), "paid-again", Instant.now());
        assertThat(entity.isStale(T2, seen.plusMillis(10))).as("the later observation is kept").isTrue();
        entity.advance(T2.plusSeconds(1), null, "fulfilled", Instant.now());
        assertThat(entity.isStale(T2.plusSeconds(1), seen)).as("a newer updatedAt resets the observation").isFalse();
    }

    @Test
    void phoneAndLastNameIgnoreCaseDiacriticsAndPunctuationButNotTransliteration() {
        assertThat(PhoneAndLastName.of("+4930123456", "Müller")).contains("+4930123456|muller");
        assertThat(PhoneAndLastName.of("+4930123456", " MÜLLER ")).contains("+4930123456|muller");
        assertThat(PhoneAndLastName.of("+4930123456", "Muller")).contains("+4930123456|muller");
        assertThat(PhoneAndLastName.of("+34911234567", "García-López")).isEqualTo(PhoneAndLastName.of("+34911234567", "garcia lopez"));
        assertThat(PhoneAndLastName.of("+4930123456", "Strauß")).contains("+4930123456|strauss");
        assertThat(PhoneAndLastName.of("+4930123456", "Mueller")).isNotEqualTo(PhoneAndLastName.of("+4930123456", "Müller"));
        assertThat(PhoneAndLastName.of(null, "Müller")).isEmpty();
        assertThat(PhoneAndLastName.of("030 123456", "Müller")).isEmpty();
        assertThat(PhoneAndLastName.of("+4930123456", " - ")).isEmpty();
    }

    @Test
    void aCompanyIsMatchedByFoldedNameAndCountryAndItsCommandCarriesTheSchemasFields() {
        Address billing = new Address("Zoë", "Müller", "Müller & Söhne GmbH", "Hauptstr. 1", null, "Berlin", null,
                "10115", "DE", "+4930123456", "030 123456");
        CompanyData fromText = CompanyData.of(new Company(null, "Müller & Söhne GmbH", null, null), List.of(billing));
        CompanyData shouted = CompanyData.of(new Company(null, " MULLER  SOHNE GMBH", null, billing), List.of());

        assertThat(fromText).isEqualTo(new CompanyData("Müller & Söhne GmbH", "Berlin", "DE", "+4930123456"));
        assertThat(fromText.nameAndCountry()).isEqualTo("mullersohnegmbh|DE").isEqualTo(shouted.nameAndCountry());
        assertThat(CompanyData.of(new Company(null, "Müller & Söhne AG", null, billing), List.of()).nameAndCountry())
                .isNotEqualTo(fromText.nameAndCountry());
        assertThat(CompanyData.of(new Company(null, " ", null, billing), List.of())).isNull();

        GoldenCompany company = GoldenCompany.create("acme", fromText, T1);
        company.absorb(fromText, T1, T1);
        CrmRecordUpsert command = factory.company("acme", company, null, T1, SyncMode.LIVE);
        assertThat(command.recordKey()).startsWith("co-");
        assertThat(command.kafkaKey()).isEqualTo("acme/company/" + company.key());
        assertThat(command.fields()).containsExactly(entry("name", "Müller & Söhne GmbH"), entry("city", "Berlin"),
                entry("countryCode", "DE"), entry("phone", "+4930123456"));
        CODEC.encode(EventType.COMPANY_UPSERT, command);
    }

    @Test
    void aMergeCommandIsKeyedByTheMergedRecordAndNamesTheRule() {
        GoldenContact survivor = GoldenContact.create("acme", T1);
        GoldenContact merged = GoldenContact.create("acme", T2);
        MergeRecord record = new MergeRecord("acme", survivor, merged, LinkReason.SAME_PHONE_AND_LAST_NAME, "ev-1", T2);

        CrmRecordMerge merge = factory.merge(record);

        assertThat(merge.kafkaKey()).isEqualTo("acme/contact/" + merged.key());
        assertThat(merge.survivingKey()).isEqualTo(survivor.key());
        assertThat(merge.mergeId()).isEqualTo(record.id());
        assertThat(merge.reason()).isEqualTo("same-phone-and-last-name");
        assertThat(CODEC.decode(EventType.CONTACT_MERGE, CODEC.encode(EventType.CONTACT_MERGE, merge))).isEqualTo(merge);
    }

    @Test
    void undoingAMergePutsBackOnlyTheFieldsTheMergeChangedAndNothingChangedSince() {
        GoldenContact survivor = GoldenContact.create("acme", T1);
        SourceRef source = new SourceRef(SHOPIFY, "acme-shopify", "customer", "1");
        survivor.absorb(FieldOwnership.DEFAULTS, new ContactUpdate(new ContactData("a@example.com", "Ann", null, null), source, T1, "e-1"), T1);
        Map<String, String> before = survivor.fields();
        survivor.absorb(FieldOwnership.DEFAULTS, new ContactUpdate(new ContactData("b@example.com", "Bea", "Berg", null), source, T2, "e-2"), T2);
        Map<String, String> after = survivor.fields();
        survivor.absorb(FieldOwnership.DEFAULTS, new ContactUpdate(new ContactData(null, "Bettina", null, null), source, T2, "e-3"), T2);

        survivor.restoreFields(before, after, T2);

        // email: changed by the merge, untouched since -> back; firstName: changed since -> kept;
        // lastName: added by the merge, untouched since -> gone again.
        assertThat(survivor.fields()).containsExactly(entry("email", "a@example.com"), entry("firstName", "Bettina"));
    }
}
