package io.crmsync.reconciler.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.commons.tenant.Platform;
import io.crmsync.commons.tenant.Store;
import io.crmsync.reconciler.config.ReconcilerConfig;
import io.crmsync.reconciler.service.PageSink;
import io.crmsync.reconciler.service.PolledObject;
import io.crmsync.reconciler.service.SourcePoller;
import io.crmsync.sourceapi.SourceApiConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Shopify: lists orders (of any status), customers and products by {@code updated_at}
 * ({@code updated_at_min}, inclusive; {@code order=updated_at asc}), then follows the
 * {@code page_info} cursor of the {@code Link} header, where Shopify accepts only {@code limit} and
 * {@code page_info}. Calls go through {@link StoreListCalls}: the call-limit bucket and 429
 * {@code Retry-After} pace the store there. Each object is reported as the webhook Shopify would
 * have sent for it ({@code orders/updated}, {@code customers/update}, {@code products/update}), with
 * the listed resource as its body, which is what those webhooks carry.
 */
@ApplicationScoped
public class ShopifySourcePoller implements SourcePoller {

    public static final String ORDER = "order";
    private static final String CUSTOMER = "customer";
    private static final String PRODUCT = "product";

    /**
     * One list endpoint: its path and wrapper name, the webhook topic its objects go out as, and the
     * {@code status} filter of the first page (orders default to {@code open}; the others take none).
     */
    private record Resource(String plural, String topic, String status) {
    }

    private static final Map<String, Resource> RESOURCES = Map.of(
            ORDER, new Resource("orders", "orders/updated", "any"),
            CUSTOMER, new Resource("customers", "customers/update", null),
            PRODUCT, new Resource("products", "products/update", null));

    private final StoreListCalls calls;
    private final ReconcilerConfig.Listing config;
    private final String apiVersion;

    public ShopifySourcePoller(StoreListCalls calls, ReconcilerConfig config, SourceApiConfig sourceApi) {
        this.calls = calls;
        this.config = config.shopify();
        this.apiVersion = sourceApi.shopify().apiVersion();
    }

    @Override
    public Platform platform() {
        return Platform.SHOPIFY;
    }

    @Override
    public List<String> objectTypes() {
        return List.of(ORDER, CUSTOMER, PRODUCT);
    }

    @Override
    public void poll(Store store, String objectType, Instant since, PageSink pages) {
        Resource resource = RESOURCES.get(objectType);
        if (resource == null) {
            throw new IllegalArgumentException("Shopify poller does not list " + objectType);
        }
        String token = StoreListCalls.credential(store, "accessToken");
        String updatedAtMin = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(since.atOffset(ZoneOffset.UTC));
        String what = "shopify " + resource.plural() + " list";
        Optional<String> pageInfo = Optional.empty();
        do {
            String cursor = pageInfo.orElse(null);
            StoreListCalls.Listed listed = calls.get(store, ShopifyListApi.class, what, config.maxRateLimitRetries(),
                    api -> cursor == null
                            ? api.list(apiVersion, resource.plural(), token, resource.status(), updatedAtMin,
                                    config.pageSize(), "updated_at asc", null)
                            : api.list(apiVersion, resource.plural(), token, null, null, config.pageSize(), null, cursor));
            JsonNode items = ListedObjects.requireArray(store, what,
                    listed.body() == null ? null : listed.body().get(resource.plural()));
            List<PolledObject> objects = listed(store, objectType, items);
            if (!objects.isEmpty()) {
                pages.accept(objects);
            }
            pageInfo = LinkHeader.nextPageInfo(listed.headers().apply("Link"));
        } while (pageInfo.isPresent());
    }

    /**
     * The objects of a page that carry an id and a readable {@code updated_at}; others are logged and
     * left out. Orders, customers and products all stamp {@code created_at} / {@code updated_at}.
     */
    static List<PolledObject> listed(Store store, String objectType, JsonNode items) {
        return ListedObjects.read(store, items, objectType, RESOURCES.get(objectType).topic(), "updated_at", "created_at",
                ListedObjects.ISO_OFFSET);
    }
}
