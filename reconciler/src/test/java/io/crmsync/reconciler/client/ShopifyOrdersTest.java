package io.crmsync.reconciler.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.commons.tenant.Platform;
import io.crmsync.commons.tenant.Store;
import io.crmsync.contract.EventCodec;
import io.crmsync.testkit.SharedFixtures;
import io.crmsync.reconciler.service.PolledObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Orders of a Shopify list page as the poller reports them, on Shopify's own SDK test payload. */
class ShopifyOrdersTest {

    private static final Store STORE = new Store("acme-shopify", Platform.SHOPIFY, "whsec", null,
            "http://127.0.0.1:9/acme-shopify", Map.of("accessToken", "token"));

    @Test
    void aRealOrdersListPageBecomesPolledOrders() {
        JsonNode items = SharedFixtures.json("shopify/rest_2024-04_order_all__test_1.json").path("orders");

        List<PolledObject> orders = ShopifySourcePoller.listed(STORE, "order", items);

        assertThat(orders).hasSize(items.size()).first().satisfies(order -> {
            assertThat(order.objectType()).isEqualTo("order");
            assertThat(order.objectId()).isEqualTo("450789469");
            assertThat(order.topic()).isEqualTo("orders/updated");
            assertThat(order.createdAt()).isEqualTo(Instant.parse("2008-01-10T16:00:00Z"));
            assertThat(order.updatedAt()).isEqualTo(Instant.parse("2008-01-10T16:00:00Z"));
            assertThat(order.updatedAtRaw()).isEqualTo("2008-01-10T11:00:00-05:00");
            assertThat(order.payload()).isSameAs(items.get(0));
        });
    }

    @Test
    void ordersWithoutIdOrReadableUpdatedAtAreLeftOut() {
        var mapper = EventCodec.mapper();
        JsonNode items = mapper.createArrayNode()
                .add(mapper.createObjectNode().put("id", 1).put("updated_at", "2026-03-01T10:00:00Z"))
                .add(mapper.createObjectNode().put("updated_at", "2026-03-01T10:00:00Z"))
                .add(mapper.createObjectNode().put("id", 3))
                .add(mapper.createObjectNode().put("id", 4).put("updated_at", "yesterday"));

        assertThat(ShopifySourcePoller.listed(STORE, "order", items)).extracting(PolledObject::objectId).containsExactly("1");
    }
}
