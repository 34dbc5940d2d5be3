package io.crmsync.reconciler.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.commons.tenant.CrmAccount;
import io.crmsync.commons.tenant.CrmKind;
import io.crmsync.commons.tenant.Platform;
import io.crmsync.commons.tenant.RateLimit;
import io.crmsync.commons.tenant.Store;
import io.crmsync.commons.tenant.Tenant;
import io.crmsync.contract.EventCodec;
import io.crmsync.contract.EventType;
import io.crmsync.contract.Origin;
import io.crmsync.contract.webhook.Delivery;
import io.crmsync.contract.webhook.WebhookReceived;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PolledEventsTest {

    static final Store STORE = new Store("acme-shopify", Platform.SHOPIFY, "whsec", null,
            "http://127.0.0.1:9/acme-shopify", Map.of("accessToken", "token"));
    static final Tenant ACME = new Tenant("acme", LocalDate.of(2026, 1, 1),
            new CrmAccount(CrmKind.HUBSPOT, "acme", "http://127.0.0.1:9/acme", Map.of(), new RateLimit(100, 10)),
            List.of(STORE));
    private static final Instant RECEIVED = Instant.parse("2026-03-02T08:00:00Z");

    private final EventCodec codec = new EventCodec();

    @Test
    void anOrderChangedAfterGoLiveBecomesAPollEventShapedLikeTheIngressOne() {
        PolledObject order = order("1001", "2026-02-10T09:00:00-05:00", "2026-03-01T10:00:00-05:00");

        PolledEvent event = PolledEvents.of(ACME, STORE, order, RECEIVED);

        assertThat(event.data()).usingRecursiveComparison().isEqualTo(new WebhookReceived("shopify", "acme-shopify",
                "orders/updated", "order", "1001",
                new Delivery("poll:1001:2026-03-01T10:00:00-05:00", true, Instant.parse("2026-03-01T15:00:00Z")),
                RECEIVED, order.payload()));
        assertThat(event.envelope().origin()).isEqualTo(Origin.POLL);
        assertThat(event.envelope().key()).isEqualTo("acme/acme-shopify/order/1001");
        assertThat(event.envelope().tenant()).isEqualTo("acme");
        assertThat(event.envelope().type()).isEqualTo(EventType.WEBHOOK_RECEIVED.name());
        assertThat(event.envelope().subject()).isEqualTo("order/1001");
        // The contract's schema accepts it, and it reads back unchanged.
        byte[] bytes = codec.encode(EventType.WEBHOOK_RECEIVED, event.data());
        WebhookReceived decoded = codec.decode(EventType.WEBHOOK_RECEIVED, bytes);
        assertThat(decoded).usingRecursiveComparison().ignoringFields("payload").isEqualTo(event.data());
        assertThat(decoded.payload().toString()).isEqualTo(order.payload().toString());
    }

    @Test
    void anOrderCreatedBeforeGoLiveIsBackfill() {
        PolledObject order = order("1002", "2025-12-31T23:59:59Z", "2026-03-01T10:00:00Z");

        assertThat(PolledEvents.of(ACME, STORE, order, RECEIVED).envelope().origin()).isEqualTo(Origin.BACKFILL);
    }

    @Test
    void withoutACreationTimeItIsNotHistory() {
        PolledObject order = new PolledObject("order", "1003", "orders/updated", null,
                Instant.parse("2026-03-01T10:00:00Z"), "2026-03-01T10:00:00Z", payload("1003", null, "2026-03-01T10:00:00Z"));

        assertThat(PolledEvents.of(ACME, STORE, order, RECEIVED).envelope().origin()).isEqualTo(Origin.POLL);
    }

    @Test
    void theSameVersionPolledTwiceCarriesTheSameDeliveryId() {
        PolledObject order = order("1004", "2026-02-01T00:00:00Z", "2026-03-01T10:00:00Z");

        assertThat(PolledEvents.of(ACME, STORE, order, RECEIVED).data().delivery())
                .isEqualTo(PolledEvents.of(ACME, STORE, order, RECEIVED.plusSeconds(30)).data().delivery());
    }

    static PolledObject order(String id, String createdAt, String updatedAt) {
        return new PolledObject("order", id, "orders/updated", Instant.from(java.time.OffsetDateTime.parse(createdAt)),
                Instant.from(java.time.OffsetDateTime.parse(updatedAt)), updatedAt, payload(id, createdAt, updatedAt));
    }

    static JsonNode payload(String id, String createdAt, String updatedAt) {
        var node = EventCodec.mapper().createObjectNode().put("id", Long.parseLong(id)).put("updated_at", updatedAt)
                .put("currency", "USD").put("total_price", "10.00");
        if (createdAt != null) {
            node.put("created_at", createdAt);
        }
        return node;
    }
}
