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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Adobe Commerce: lists orders, customers and products by {@code updated_at} through the REST
 * {@code searchCriteria} ({@code gteq} the poll's start, ascending, then by id), paging with
 * {@code currentPage} until {@code currentPage × pageSize ≥ total_count}. Commerce answers the last
 * page again for a page past the end, so a non-empty page never means "more". Each object is
 * reported as the save event Adobe I/O Events would have delivered for it.
 */
@ApplicationScoped
public class AdobeCommerceSourcePoller implements SourcePoller {

    private static final Logger LOG = Logger.getLogger(AdobeCommerceSourcePoller.class);

    /** How each object type is listed and announced. */
    record Kind(String resource, String idField, String sortIdField, String event) {
    }

    static final Map<String, Kind> KINDS = Map.of(
            "order", new Kind("orders", "entity_id", "entity_id", "observer.sales_order_save_after"),
            "customer", new Kind("customers/search", "id", "entity_id", "observer.customer_save_after"),
            "product", new Kind("products", "id", "entity_id", "observer.catalog_product_save_after"));

    private final AdobeCommerceClient client;

    public AdobeCommerceSourcePoller(AdobeCommerceClient client) {
        this.client = client;
    }

    @Override
    public Platform platform() {
        return Platform.ADOBE_COMMERCE;
    }

    @Override
    public List<String> objectTypes() {
        return List.of("order", "customer", "product");
    }

    @Override
    public void poll(Store store, String objectType, Instant since, PageSink pages) {
        Kind kind = KINDS.get(objectType);
        if (kind == null) {
            throw new IllegalArgumentException("Adobe Commerce poller does not list " + objectType);
        }
        // Magento compares in whole seconds; truncating only moves the start earlier.
        String updatedAtMin = AdobeCommerceEvents.format(since);
        for (int currentPage = 1; ; currentPage++) {
            AdobeSearchPage page = client.updatedSince(store, kind.resource(), kind.sortIdField(), updatedAtMin, currentPage);
            List<PolledObject> objects = objects(store, objectType, kind, page.items());
            if (!objects.isEmpty()) {
                pages.accept(objects);
            }
            if (page.items().isEmpty() || (long) currentPage * client.pageSize() >= page.totalCount()) {
                return;
            }
        }
    }

    /** The objects of a page that carry an id and a readable {@code updated_at}; others are logged and left out. */
    static List<PolledObject> objects(Store store, String objectType, Kind kind, List<JsonNode> items) {
        List<PolledObject> objects = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            object(store, objectType, kind, item).ifPresentOrElse(objects::add,
                    () -> LOG.warnf("store %s listed a %s without a usable %s or updated_at; left out",
                            store.id(), objectType, kind.idField()));
        }
        return objects;
    }

    static Optional<PolledObject> object(Store store, String objectType, Kind kind, JsonNode item) {
        String id = item.path(kind.idField()).asText("");
        String updatedAtRaw = item.path("updated_at").asText("");
        Optional<Instant> updatedAt = AdobeCommerceEvents.instant(updatedAtRaw);
        if (id.isEmpty() || updatedAt.isEmpty()) {
            return Optional.empty();
        }
        Instant createdAt = AdobeCommerceEvents.instant(item.path("created_at").asText("")).orElse(null);
        String type = AdobeCommerceEvents.TYPE_PREFIX + kind.event();
        // The same delivery id PolledEvents gives the record, so the envelope and the record agree.
        String deliveryId = "poll:" + id + ":" + updatedAtRaw;
        JsonNode envelope = AdobeCommerceEvents.envelope(store.id(), type, deliveryId, updatedAt.get(), item,
                "order".equals(objectType));
        return Optional.of(new PolledObject(objectType, id, type, createdAt, updatedAt.get(), updatedAtRaw, envelope));
    }
}
