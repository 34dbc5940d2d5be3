package io.crmsync.reconciler.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.commons.tenant.Platform;
import io.crmsync.commons.tenant.Store;
import io.crmsync.reconciler.service.PageSink;
import io.crmsync.reconciler.service.PolledObject;
import io.crmsync.reconciler.service.SourcePoller;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Shopify: lists orders by {@code updated_at} (Admin REST API, cursor pagination through the
 * {@code Link} header). Each order is reported as the {@code orders/updated} webhook Shopify would
 * have sent for it.
 */
@ApplicationScoped
public class ShopifySourcePoller implements SourcePoller {

    public static final String ORDER = "order";
    static final String ORDERS_UPDATED = "orders/updated";

    private static final Logger LOG = Logger.getLogger(ShopifySourcePoller.class);

    private final ShopifyAdminClient client;

    public ShopifySourcePoller(ShopifyAdminClient client) {
        this.client = client;
    }

    @Override
    public Platform platform() {
        return Platform.SHOPIFY;
    }

    @Override
    public List<String> objectTypes() {
        return List.of(ORDER);
    }

    @Override
    public void poll(Store store, String objectType, Instant since, PageSink pages) {
        if (!ORDER.equals(objectType)) {
            throw new IllegalArgumentException("Shopify poller does not list " + objectType);
        }
        ShopifyPage page = client.firstOrdersPage(store, since);
        while (true) {
            List<PolledObject> orders = orders(store, page.items());
            if (!orders.isEmpty()) {
                pages.accept(orders);
            }
            if (page.nextPageInfo().isEmpty()) {
                return;
            }
            Pause.sleep(page.pauseBeforeNext());
            page = client.nextOrdersPage(store, page.nextPageInfo().get());
        }
    }

    /** The orders of a page that carry an id and a readable {@code updated_at}; others are logged and left out. */
    static List<PolledObject> orders(Store store, List<JsonNode> items) {
        List<PolledObject> orders = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            order(item).ifPresentOrElse(orders::add,
                    () -> LOG.warnf("store %s listed an order without a usable id or updated_at; left out", store.id()));
        }
        return orders;
    }

    static Optional<PolledObject> order(JsonNode order) {
        String id = order.path("id").asText("");
        String updatedAtRaw = order.path("updated_at").asText("");
        Optional<Instant> updatedAt = instant(updatedAtRaw);
        if (id.isEmpty() || updatedAt.isEmpty()) {
            return Optional.empty();
        }
        Instant createdAt = instant(order.path("created_at").asText("")).orElse(null);
        return Optional.of(new PolledObject(ORDER, id, ORDERS_UPDATED, createdAt, updatedAt.get(), updatedAtRaw, order));
    }

    private static Optional<Instant> instant(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
