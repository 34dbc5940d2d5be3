package io.crmsync.reconciler.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.commons.tenant.Platform;
import io.crmsync.commons.tenant.Store;
import io.crmsync.reconciler.config.ReconcilerConfig;
import io.crmsync.reconciler.service.PageSink;
import io.crmsync.reconciler.service.PolledObject;
import io.crmsync.reconciler.service.SourcePoller;
import io.crmsync.reconciler.service.SourceUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Adobe Commerce: lists orders, customers and products by {@code updated_at} through the REST
 * {@code searchCriteria} ({@code gteq} the poll's start, ascending, then by id), paging with
 * {@code currentPage} until {@code currentPage × pageSize ≥ total_count}. Commerce answers the last
 * page again for a page past the end, so a non-empty page never means "more". Calls go through
 * {@link StoreListCalls} ({@code Authorization: Bearer} the registry's integration token; a 429 of
 * Commerce Cloud's CDN waits out {@code Retry-After} there). Each object is reported as the save
 * event Adobe I/O Events would have delivered for it.
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

    private final StoreListCalls calls;
    private final ReconcilerConfig.Listing config;

    public AdobeCommerceSourcePoller(StoreListCalls calls, ReconcilerConfig config) {
        this.calls = calls;
        this.config = config.adobeCommerce();
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
        String bearer = "Bearer " + StoreListCalls.credential(store, "accessToken");
        String what = "adobe-commerce " + kind.resource() + " search";
        for (int currentPage = 1; ; currentPage++) {
            Map<String, String> criteria = updatedSince(updatedAtMin, kind.sortIdField(), currentPage);
            StoreListCalls.Listed listed = calls.get(store, AdobeCommerceListApi.class, what, config.maxRateLimitRetries(),
                    api -> api.search(kind.resource(), bearer, criteria));
            JsonNode answer = listed.body();
            JsonNode total = answer == null ? null : answer.get("total_count");
            JsonNode items = ListedObjects.requireArray(store, what, answer == null ? null : answer.get("items"));
            if (total == null || !total.canConvertToInt()) {
                throw new SourceUnavailableException("REST API of " + store.id() + " answered " + what + " without 'total_count'");
            }
            List<JsonNode> list = new ArrayList<>(items.size());
            items.forEach(list::add);
            List<PolledObject> objects = objects(store, objectType, kind, list);
            if (!objects.isEmpty()) {
                pages.accept(objects);
            }
            if (list.isEmpty() || (long) currentPage * config.pageSize() >= total.asInt()) {
                return;
            }
        }
    }

    /**
     * {@code searchCriteria} for page {@code currentPage} of the objects whose {@code updated_at} is at
     * or after {@code updatedAtMin} (Adobe's {@code yyyy-MM-dd HH:mm:ss}, UTC), oldest change first,
     * ties by {@code idField}.
     */
    private Map<String, String> updatedSince(String updatedAtMin, String idField, int currentPage) {
        Map<String, String> criteria = new LinkedHashMap<>();
        criteria.put("searchCriteria[filter_groups][0][filters][0][field]", "updated_at");
        criteria.put("searchCriteria[filter_groups][0][filters][0][value]", updatedAtMin);
        criteria.put("searchCriteria[filter_groups][0][filters][0][condition_type]", "gteq");
        criteria.put("searchCriteria[sortOrders][0][field]", "updated_at");
        criteria.put("searchCriteria[sortOrders][0][direction]", "ASC");
        // A second key makes the order total: offset pages over equal timestamps then neither skip nor repeat.
        criteria.put("searchCriteria[sortOrders][1][field]", idField);
        criteria.put("searchCriteria[sortOrders][1][direction]", "ASC");
        criteria.put("searchCriteria[pageSize]", String.valueOf(config.pageSize()));
        criteria.put("searchCriteria[currentPage]", String.valueOf(currentPage));
        return criteria;
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
