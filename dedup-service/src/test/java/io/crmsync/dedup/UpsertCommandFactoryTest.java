package io.crmsync.dedup;

import io.crmsync.commons.tenant.FieldOwnership;
import io.crmsync.contract.EventCodec;
import io.crmsync.contract.EventType;
import io.crmsync.contract.Origin;
import io.crmsync.contract.command.CrmRecordUpsert;
import io.crmsync.contract.command.SyncMode;
import io.crmsync.contract.model.Customer;
import io.crmsync.contract.model.Order;
import io.crmsync.contract.model.OrderStatus;
import io.crmsync.dedup.ownership.ContactUpdate;
import io.crmsync.dedup.service.Fingerprints;
import io.crmsync.dedup.service.UpsertCommandFactory;
import org.junit.jupiter.api.Test;

import java.time.Instant;

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

        CrmRecordUpsert deal = factory.deal("acme", order, "gc-1", SyncMode.BACKFILL);

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
        assertThat(deal.associations()).singleElement()
                .satisfies(a -> assertThat(a.recordKey()).isEqualTo("gc-1"));
        assertThat(deal.syncMode()).isEqualTo(SyncMode.BACKFILL);
        assertThat(deal.sourceUpdatedAt()).isEqualTo(T2);
        assertThat(CODEC.decode(EventType.DEAL_UPSERT, CODEC.encode(EventType.DEAL_UPSERT, deal))).isEqualTo(deal);
    }

    @Test
    void aDealWithoutNumberIsNamedByTheOrderIdAndAnOrderWithoutCustomerHasNoAssociation() {
        Order base = order(SHOPIFY, "acme-shopify", "99", null, OrderStatus.OPEN, T1, null);
        Order unnumbered = new Order(base.source(), null, base.status(), null, base.totals(), base.lines(), null,
                base.billingAddresses(), base.shippingAddresses(), null, base.updatedAt(), null, null);

        CrmRecordUpsert deal = factory.deal("acme", unnumbered, null, SyncMode.LIVE);

        assertThat(deal.fields()).containsEntry("name", "Order #99 — acme-shopify")
                .doesNotContainKeys("orderNumber", "createdAt");
        assertThat(deal.associations()).isEmpty();
        CODEC.encode(EventType.DEAL_UPSERT, deal);
    }

    @Test
    void everyCommandHasItsOwnId() {
        Order order = order(SHOPIFY, "acme-shopify", "1", null, OrderStatus.PAID, T1, null);
        assertThat(factory.deal("acme", order, null, SyncMode.LIVE).commandId())
                .isNotEqualTo(factory.deal("acme", order, null, SyncMode.LIVE).commandId());
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
        CrmRecordUpsert contact = factory.contact("acme", golden, newer.source(), T2, SyncMode.LIVE);

        assertThat(contact.recordKey()).isEqualTo(golden.key()).startsWith("gc-");
        assertThat(contact.fields()).containsExactly(entry("email", "new@example.com"), entry("firstName", "Neu"),
                entry("lastName", "Müller"), entry("phone", "+14155550123"));
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
        entity.advance(T2, "f2", Instant.now());
        assertThat(entity.isStale(T1)).isTrue();
        assertThat(entity.isStale(T2)).isFalse();
        assertThat(entity.isStale(T2.plusSeconds(1))).isFalse();
    }
}
