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
import java.util.Optional;

/**
 * Shopify: lists orders of any status by {@code updated_at} ({@code updated_at_min}, inclusive;
 * {@code order=updated_at asc}), then follows the {@code page_info} cursor of the {@code Link}
 * header, where Shopify accepts only {@code limit} and {@code page_info}. Calls go through
 * {@link StoreListCalls}: the call-limit bucket and 429 {@code Retry-After} pace the store there.
 * Each order is reported as the {@code orders/updated} webhook Shopify would have sent for it.
 */
@ApplicationScoped
public class ShopifySourcePoller implements SourcePoller {

    public static final String ORDER = "order";
    static final String ORDERS_UPDATED = "orders/updated";
    private static final String WHAT = "shopify orders list";

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
        return List.of(ORDER);
    }

    @Override
    public void poll(Store store, String objectType, Instant since, PageSink pages) {
        if (!ORDER.equals(objectType)) {
            throw new IllegalArgumentException("Shopify poller does not list " + objectType);
        }
        String token = StoreListCalls.credential(store, "accessToken");
        String updatedAtMin = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(since.atOffset(ZoneOffset.UTC));
        Optional<String> pageInfo = Optional.empty();
        do {
            String cursor = pageInfo.orElse(null);
            StoreListCalls.Listed listed = calls.get(store, ShopifyListApi.class, WHAT, config.maxRateLimitRetries(),
                    api -> cursor == null
                            ? api.orders(apiVersion, token, "any", updatedAtMin, config.pageSize(), "updated_at asc", null)
                            : api.orders(apiVersion, token, null, null, config.pageSize(), null, cursor));
            JsonNode items = ListedObjects.requireArray(store, WHAT, listed.body() == null ? null : listed.body().get("orders"));
            List<PolledObject> orders = orders(store, items);
            if (!orders.isEmpty()) {
                pages.accept(orders);
            }
            pageInfo = LinkHeader.nextPageInfo(listed.headers().apply("Link"));
        } while (pageInfo.isPresent());
    }

    /** The orders of a page that carry an id and a readable {@code updated_at}; others are logged and left out. */
    static List<PolledObject> orders(Store store, JsonNode items) {
        return ListedObjects.read(store, items, ORDER, ORDERS_UPDATED, "updated_at", "created_at", ListedObjects.ISO_OFFSET);
    }
}
