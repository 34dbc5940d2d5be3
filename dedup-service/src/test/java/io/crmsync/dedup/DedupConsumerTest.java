package io.crmsync.dedup;

import io.crmsync.contract.CloudEventHeaders;
import io.crmsync.contract.EventType;
import io.crmsync.contract.Origin;
import io.crmsync.contract.Topics;
import io.crmsync.contract.command.CrmRecordUpsert;
import io.crmsync.contract.command.SyncMode;
import io.crmsync.contract.model.Customer;
import io.crmsync.contract.model.Order;
import io.crmsync.contract.model.OrderStatus;
import io.crmsync.dedup.CommandWatch.Sent;
import io.crmsync.dedup.NormalizedEvents.Envelope;
import io.crmsync.dedup.messaging.NormalizedEntityConsumer;
import io.crmsync.testkit.CrmSyncTestResource;
import io.crmsync.testkit.TestTenants;
import io.crmsync.testkit.TopicProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.crmsync.dedup.NormalizedEvents.SHOPIFY;
import static io.crmsync.dedup.NormalizedEvents.T1;
import static io.crmsync.dedup.NormalizedEvents.T2;
import static io.crmsync.dedup.NormalizedEvents.customer;
import static io.crmsync.dedup.NormalizedEvents.newId;
import static io.crmsync.dedup.NormalizedEvents.order;
import static io.crmsync.dedup.NormalizedEvents.send;
import static io.crmsync.dedup.NormalizedEvents.shopifyOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Replays, stale updates, sync mode and dead letters, through the real broker and database. */
@QuarkusTest
@WithTestResource(CrmSyncTestResource.class)
class DedupConsumerTest {

    private static final String DUPLICATES = "crmsync_duplicates_suppressed_total";
    private static final String STALE = "crmsync_stale_updates_dropped_total";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void theSameDeliveryTwentyTimesYieldsOneContactAndOneDeal() {
        String orderId = newId();
        String email = "zoe+" + orderId + "@example.com";
        Customer buyer = customer(SHOPIFY, TestTenants.ACME_SHOPIFY, newId(), email, "Zoë", T1);
        Order order = shopifyOrder(orderId, buyer, T1);
        Envelope envelope = Envelope.webhook();
        double duplicatesBefore = Metrics.counter(DUPLICATES, TestTenants.ACME);

        try (CommandWatch watch = CommandWatch.open(bootstrap)) {
            for (int i = 0; i < 20; i++) {
                send(bootstrap, order, envelope);
            }
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Metrics.counter(DUPLICATES, TestTenants.ACME) - duplicatesBefore >= 19);

            String orderRef = TestTenants.ACME_SHOPIFY + ":" + orderId;
            watch.await(s -> Sent.dealOf(orderRef).test(s) || Sent.contactWithEmail(email).test(s), 2);
            List<Sent> commands = watch.settle(s -> Sent.dealOf(orderRef).test(s) || Sent.contactWithEmail(email).test(s),
                    Duration.ofSeconds(2));

            assertThat(commands).filteredOn(Sent::isContact).singleElement()
                    .satisfies(contact -> {
                        assertThat(contact.command().recordKey()).startsWith("gc-");
                        assertThat(contact.command().fields()).containsEntry("firstName", "Zoë")
                                .containsEntry("lastName", "Müller").containsEntry("phone", buyer.phone());
                        assertThat(contact.record().key()).isEqualTo(contact.command().kafkaKey());
                        assertThat(contact.header(CloudEventHeaders.TYPE)).isEqualTo(EventType.CONTACT_UPSERT.name());
                    });
            String goldenKey = commands.stream().filter(Sent::isContact).findFirst().orElseThrow().command().recordKey();
            assertThat(commands).filteredOn(Sent::isDeal).singleElement()
                    .satisfies(deal -> {
                        CrmRecordUpsert command = deal.command();
                        assertThat(command.fields()).containsEntry("orderRef", orderRef)
                                .containsEntry("name", "Order #" + orderId + " — " + TestTenants.ACME_SHOPIFY)
                                .containsEntry("amount", "113.50").containsEntry("currency", "USD")
                                .containsEntry("status", "paid").containsEntry("orderNumber", "#" + orderId)
                                .containsEntry("createdAt", T1.toString());
                        assertThat(command.associations()).singleElement()
                                .satisfies(a -> assertThat(a.recordKey()).isEqualTo(goldenKey));
                        assertThat(command.syncMode()).isEqualTo(SyncMode.LIVE);
                        assertThat(command.source()).isEqualTo(order.source());
                        assertThat(command.sourceUpdatedAt()).isEqualTo(T1);
                        assertThat(deal.record().key()).isEqualTo(TestTenants.ACME + "/deal/" + orderRef);
                        assertThat(deal.header(CloudEventHeaders.TYPE)).isEqualTo(EventType.DEAL_UPSERT.name());
                        assertThat(deal.header(CloudEventHeaders.ID)).isEqualTo(command.commandId());
                        assertThat(deal.header(CloudEventHeaders.TENANT)).isEqualTo(TestTenants.ACME);
                        assertThat(deal.header(CloudEventHeaders.ORIGIN)).isEqualTo("webhook");
                    });
        }
        assertThat(Metrics.counter(DUPLICATES, TestTenants.ACME) - duplicatesBefore).isEqualTo(19.0);
    }

    /**
     * The same source state reaching the service twice under different event ids (a webhook and
     * the reconciler's poll of the same change, or a platform redelivery that the ingress cannot
     * recognise): the content fingerprint makes the second a duplicate.
     */
    @Test
    void theSameStateUnderDifferentDeliveryIdsIsOneChange() {
        String orderId = newId();
        String orderRef = TestTenants.ACME_SHOPIFY + ":" + orderId;
        Order order = shopifyOrder(orderId, customer(SHOPIFY, TestTenants.ACME_SHOPIFY, newId(),
                "twice+" + orderId + "@example.com", "Ida", T1), T1);
        double duplicatesBefore = Metrics.counter(DUPLICATES, TestTenants.ACME);

        try (CommandWatch watch = CommandWatch.open(bootstrap)) {
            send(bootstrap, order, Envelope.webhook());
            send(bootstrap, order, Envelope.of(Origin.POLL));
            send(bootstrap, order, Envelope.webhook());
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Metrics.counter(DUPLICATES, TestTenants.ACME) - duplicatesBefore >= 2);

            assertThat(watch.settle(Sent.dealOf(orderRef), Duration.ofSeconds(2))).hasSize(1);
            assertThat(watch.settle(Sent.contactWithEmail("twice+" + orderId + "@example.com"), Duration.ZERO)).hasSize(1);
        }
        assertThat(Metrics.counter(DUPLICATES, TestTenants.ACME) - duplicatesBefore).isEqualTo(2.0);
    }

    /**
     * An operator's replay (origin replay: the reconciler's replay tooling) syncs again what was
     * synced already — never a duplicate — but an older state replayed after a newer one is still
     * stale: a replay never rolls the CRM back.
     */
    @Test
    void aReplayIsSyncedAgainButNeverRollsANewerStateBack() {
        String orderId = newId();
        String orderRef = TestTenants.ACME_SHOPIFY + ":" + orderId;
        Customer buyer = customer(SHOPIFY, TestTenants.ACME_SHOPIFY, newId(), "replay+" + orderId + "@example.com", "Rey", T1);
        Order older = order(SHOPIFY, TestTenants.ACME_SHOPIFY, orderId, buyer, OrderStatus.PAID, T1, "1");
        Order newer = order(SHOPIFY, TestTenants.ACME_SHOPIFY, orderId, buyer, OrderStatus.FULFILLED, T2, "2");
        double staleBefore = Metrics.counter(STALE, TestTenants.ACME);

        try (CommandWatch watch = CommandWatch.open(bootstrap)) {
            send(bootstrap, newer, Envelope.webhook());
            assertThat(watch.await(Sent.dealOf(orderRef), 1)).hasSize(1);
            send(bootstrap, newer, Envelope.of(Origin.REPLAY));
            assertThat(watch.await(Sent.dealOf(orderRef), 2)).hasSize(2);
            send(bootstrap, older, Envelope.of(Origin.REPLAY));
            await().atMost(Duration.ofSeconds(30)).until(() -> Metrics.counter(STALE, TestTenants.ACME) - staleBefore >= 1);
            assertThat(watch.settle(Sent.dealOf(orderRef), Duration.ofSeconds(2))).hasSize(2);
        }
    }

    @Test
    void anOlderUpdateAfterANewerOneIsDropped() {
        String orderId = newId();
        String orderRef = TestTenants.ACME_SHOPIFY + ":" + orderId;
        Customer buyer = customer(SHOPIFY, TestTenants.ACME_SHOPIFY, newId(), "stale+" + orderId + "@example.com", "Ann", T1);
        Order newer = order(SHOPIFY, TestTenants.ACME_SHOPIFY, orderId, buyer, OrderStatus.FULFILLED, T2, "2");
        Order older = order(SHOPIFY, TestTenants.ACME_SHOPIFY, orderId, buyer, OrderStatus.PAID, T1, "1");
        double staleBefore = Metrics.counter(STALE, TestTenants.ACME);

        try (CommandWatch watch = CommandWatch.open(bootstrap)) {
            send(bootstrap, newer, Envelope.webhook());
            assertThat(watch.await(Sent.dealOf(orderRef), 1)).singleElement()
                    .satisfies(deal -> assertThat(deal.field("status")).isEqualTo("fulfilled"));

            send(bootstrap, older, Envelope.of(Origin.POLL));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Metrics.counter(STALE, TestTenants.ACME) - staleBefore >= 1);

            assertThat(watch.settle(Sent.dealOf(orderRef), Duration.ofSeconds(2))).singleElement()
                    .satisfies(deal -> assertThat(deal.field("status")).isEqualTo("fulfilled"));
        }
        assertThat(Metrics.counter(STALE, TestTenants.ACME) - staleBefore).isEqualTo(1.0);
    }

    /**
     * Shopify gives updated_at in whole seconds: pending and paid 300 ms apart share it. Delivered
     * newest first, the older state is stale by its trigger time ({@code ce_observedat}).
     */
    @Test
    void ofTwoSameSecondStatesTheOneSeenLaterWinsWhateverTheArrivalOrder() {
        String orderId = newId();
        String orderRef = TestTenants.ACME_SHOPIFY + ":" + orderId;
        Customer buyer = customer(SHOPIFY, TestTenants.ACME_SHOPIFY, newId(), "tie+" + orderId + "@example.com", "Tia", T1);
        Order pending = order(SHOPIFY, TestTenants.ACME_SHOPIFY, orderId, buyer, OrderStatus.PENDING, T1, null);
        Order paid = order(SHOPIFY, TestTenants.ACME_SHOPIFY, orderId, buyer, OrderStatus.PAID, T1, null);
        Instant pendingSeen = T1.plusMillis(100);
        double staleBefore = Metrics.counter(STALE, TestTenants.ACME);

        try (CommandWatch watch = CommandWatch.open(bootstrap)) {
            send(bootstrap, paid, Envelope.observed(Origin.WEBHOOK, pendingSeen.plusMillis(300)));
            assertThat(watch.await(Sent.dealOf(orderRef), 1)).hasSize(1);
            send(bootstrap, pending, Envelope.observed(Origin.WEBHOOK, pendingSeen));
            await().atMost(Duration.ofSeconds(30)).until(() -> Metrics.counter(STALE, TestTenants.ACME) - staleBefore >= 1);

            assertThat(watch.settle(Sent.dealOf(orderRef), Duration.ofSeconds(2))).singleElement()
                    .satisfies(deal -> assertThat(deal.field("status")).isEqualTo("paid"));
        }
    }

    /**
     * Without a trigger time (WooCommerce) a same-second tie goes to the later arrival, which can be
     * the older state. The reconciler's next read of the store is then applied although its content
     * was seen before: the CRM ends in the store's state, not stuck on the late one.
     */
    @Test
    void aPollOfTheStoreRepairsASameSecondTieThatArrivalOrderGotWrong() {
        String orderId = newId();
        String orderRef = TestTenants.ACME_SHOPIFY + ":" + orderId;
        Customer buyer = customer(SHOPIFY, TestTenants.ACME_SHOPIFY, newId(), "late+" + orderId + "@example.com", "Lea", T1);
        Order pending = order(SHOPIFY, TestTenants.ACME_SHOPIFY, orderId, buyer, OrderStatus.PENDING, T1, null);
        Order paid = order(SHOPIFY, TestTenants.ACME_SHOPIFY, orderId, buyer, OrderStatus.PAID, T1, null);
        double duplicatesBefore = Metrics.counter(DUPLICATES, TestTenants.ACME);

        try (CommandWatch watch = CommandWatch.open(bootstrap)) {
            send(bootstrap, paid, Envelope.webhook());
            assertThat(watch.await(Sent.dealOf(orderRef), 1)).hasSize(1);
            send(bootstrap, pending, Envelope.webhook());
            assertThat(watch.await(Sent.dealOf(orderRef), 2)).last()
                    .satisfies(deal -> assertThat(deal.field("status")).isEqualTo("pending"));

            send(bootstrap, paid, Envelope.observed(Origin.POLL, Instant.now()));
            assertThat(watch.await(Sent.dealOf(orderRef), 3)).last()
                    .satisfies(deal -> assertThat(deal.field("status")).isEqualTo("paid"));
            // Read again by the next poll's overlap: now the state applied, so a duplicate.
            send(bootstrap, paid, Envelope.observed(Origin.POLL, Instant.now()));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Metrics.counter(DUPLICATES, TestTenants.ACME) - duplicatesBefore >= 1);
            assertThat(watch.settle(Sent.dealOf(orderRef), Duration.ofSeconds(2))).hasSize(3);
        }
    }

    @Test
    void backfillOriginMarksEveryCommandBackfill() {
        String orderId = newId();
        String email = "history+" + orderId + "@example.com";
        Order order = shopifyOrder(orderId, customer(SHOPIFY, TestTenants.ACME_SHOPIFY, newId(), email, "Bea", T1), T1);

        try (CommandWatch watch = CommandWatch.open(bootstrap)) {
            send(bootstrap, order, Envelope.of(Origin.BACKFILL));

            List<Sent> commands = watch.await(
                    s -> Sent.dealOf(TestTenants.ACME_SHOPIFY + ":" + orderId).test(s) || Sent.contactWithEmail(email).test(s), 2);
            assertThat(commands).hasSize(2).allSatisfy(s -> {
                assertThat(s.command().syncMode()).isEqualTo(SyncMode.BACKFILL);
                assertThat(s.header(CloudEventHeaders.ORIGIN)).isEqualTo("backfill");
            });
        }
    }

    @Test
    void dataViolatingTheSchemaIsDeadLetteredAsSchema() {
        Envelope envelope = Envelope.webhook();
        try (TopicProbe dlq = TopicProbe.open(bootstrap, Topics.dlq(Topics.ENTITY_NORMALIZED))) {
            NormalizedEvents.sendRaw(bootstrap, EventType.ORDER_NORMALIZED.name(),
                    "{\"source\":{\"platform\":\"shopify\"}}".getBytes(StandardCharsets.UTF_8), envelope);

            assertThat(dlq.await(1, Duration.ofSeconds(30)))
                    .filteredOn(r -> envelope.id().equals(r.headers().get(CloudEventHeaders.ID)))
                    .singleElement()
                    .satisfies(r -> assertThat(r.headers())
                            .containsEntry(CloudEventHeaders.DLQ_ERROR_CLASS, NormalizedEntityConsumer.SCHEMA));
        }
    }

    @Test
    void anOrderOfAnotherTenantsStoreIsDeadLettered() {
        String orderId = newId();
        Order foreign = order("bigcommerce", TestTenants.GLOBEX_BC, orderId, null, OrderStatus.PAID, T1, null);
        Envelope envelope = Envelope.webhook();
        try (TopicProbe dlq = TopicProbe.open(bootstrap, Topics.dlq(Topics.ENTITY_NORMALIZED))) {
            send(bootstrap, foreign, envelope);

            assertThat(dlq.await(1, Duration.ofSeconds(30)))
                    .filteredOn(r -> envelope.id().equals(r.headers().get(CloudEventHeaders.ID)))
                    .singleElement()
                    .satisfies(r -> assertThat(r.headers())
                            .containsEntry(CloudEventHeaders.DLQ_ERROR_CLASS, NormalizedEntityConsumer.UNKNOWN_STORE));
        }
    }

    @Test
    void aRedeliveryOfTheSamePlatformDeliveryIsADuplicateEvenWithOtherContent() {
        String orderId = newId();
        String email = "redelivered+" + orderId + "@example.com";
        Customer buyer = customer(SHOPIFY, TestTenants.ACME_SHOPIFY, newId(), email, "Zoë", T1);
        String deliveryId = UUID.randomUUID().toString();
        double duplicatesBefore = Metrics.counter(DUPLICATES, TestTenants.ACME);

        try (CommandWatch watch = CommandWatch.open(bootstrap)) {
            send(bootstrap, shopifyOrder(orderId, buyer, T1), Envelope.ofDelivery(deliveryId));
            // The same Shopify event read again later (fetch-back after the order changed): new
            // ce_id, newer content, same X-Shopify-Event-Id. It is the same delivery, not news.
            send(bootstrap, shopifyOrder(orderId, buyer, T2), Envelope.ofDelivery(deliveryId));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Metrics.counter(DUPLICATES, TestTenants.ACME) - duplicatesBefore >= 1);

            String orderRef = TestTenants.ACME_SHOPIFY + ":" + orderId;
            assertThat(watch.settle(Sent.dealOf(orderRef), Duration.ofSeconds(2))).singleElement()
                    .satisfies(deal -> assertThat(deal.command().sourceUpdatedAt()).isEqualTo(T1));
        }
    }

    @Test
    void aProductEventProducesNoCommandButIsCounted() {
        String labels = "tenant=\"acme\",type=\"commerce.product.normalized.v1\"";
        double before = Metrics.counterWithLabels("crmsync_dedup_events_not_synced_total", labels);
        NormalizedEvents.sendRaw(bootstrap, EventType.PRODUCT_NORMALIZED.name(), """
                {"source": {"platform": "shopify", "storeId": "acme-shopify", "objectType": "product", "objectId": "1"},
                 "variants": [], "updatedAt": "2026-03-01T10:00:00Z"}""".getBytes(StandardCharsets.UTF_8), Envelope.webhook());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(Metrics.counterWithLabels("crmsync_dedup_events_not_synced_total", labels)).isEqualTo(before + 1));
    }
}
