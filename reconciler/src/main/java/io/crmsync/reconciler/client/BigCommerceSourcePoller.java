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

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * BigCommerce: v2 orders by {@code min_date_modified} + {@code sort=date_modified:asc} (a bare
 * array, 204 past the last page), v3 customers and catalog products by {@code date_modified:min}
 * sorted by {@code date_modified} ascending ({@code meta.pagination.total_pages}); both bounds are
 * inclusive. {@code X-Auth-Token}; pacing by {@code X-Rate-Limit-*} and 429 waits come from
 * source-api ({@link StoreListCalls}).
 * <p>
 * Each object goes out as the {@code store/<type>/updated} webhook with the listed JSON as payload
 * (customers with {@code include=addresses}, products with {@code include=variants}, as fetch-back
 * reads them; v2 orders with their {@code {url, resource}} references). The normalizer re-reads
 * every BigCommerce record from the admin API before mapping (FetchBackPolicy), so the order's
 * products / addresses / coupons are composed there, once, and not here at three calls per order.
 */
@ApplicationScoped
public class BigCommerceSourcePoller implements SourcePoller {

    /** BigCommerce's v2 date format, numeric offset ({@code Sun, 22 Nov 2026 15:28:05 +0000}). */
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH);
    private static final String ORDER = "order";
    private static final String CUSTOMER = "customer";
    private static final String PRODUCT = "product";

    private final StoreListCalls calls;
    private final ReconcilerConfig.Listing config;

    public BigCommerceSourcePoller(StoreListCalls calls, ReconcilerConfig config) {
        this.calls = calls;
        this.config = config.bigcommerce();
    }

    @Override
    public Platform platform() {
        return Platform.BIGCOMMERCE;
    }

    @Override
    public List<String> objectTypes() {
        return List.of(ORDER, CUSTOMER, PRODUCT);
    }

    @Override
    public void poll(Store store, String objectType, Instant since, PageSink pages) {
        String token = StoreListCalls.credential(store, "accessToken");
        Instant from = since.truncatedTo(ChronoUnit.SECONDS);
        switch (objectType) {
            case ORDER -> pollOrders(store, token, from, pages);
            case CUSTOMER -> pollV3(store, CUSTOMER, "v3 customers list", pages, page -> calls.get(store,
                    BigCommerceListApi.class, "v3 customers list", config.maxRateLimitRetries(),
                    api -> api.customers(token, iso(from), "date_modified:asc", "addresses", page, config.pageSize())));
            case PRODUCT -> pollV3(store, PRODUCT, "v3 products list", pages, page -> calls.get(store,
                    BigCommerceListApi.class, "v3 products list", config.maxRateLimitRetries(),
                    api -> api.products(token, iso(from), "date_modified", "asc", "variants", page, config.pageSize())));
            default -> throw new IllegalArgumentException("BigCommerce poller does not list " + objectType);
        }
    }

    private void pollOrders(Store store, String token, Instant from, PageSink pages) {
        String minDateModified = RFC_2822.format(from.atOffset(ZoneOffset.UTC));
        for (int page = 1; ; page++) {
            int number = page;
            StoreListCalls.Listed listed = calls.get(store, BigCommerceListApi.class, "v2 orders list",
                    config.maxRateLimitRetries(),
                    api -> api.orders(token, minDateModified, "date_modified:asc", number, config.pageSize()));
            if (listed.body() == null) {
                return; // 204: past the last page
            }
            JsonNode items = ListedObjects.requireArray(store, "v2 orders list", listed.body());
            accept(pages, ListedObjects.read(store, items, ORDER, "store/order/updated", "date_modified", "date_created",
                    ListedObjects.RFC_2822));
            if (items.size() < config.pageSize()) {
                return;
            }
        }
    }

    private void pollV3(Store store, String objectType, String what, PageSink pages,
                        Function<Integer, StoreListCalls.Listed> fetch) {
        for (int page = 1; ; page++) {
            JsonNode body = Optional.ofNullable(fetch.apply(page).body()).orElseThrow(() ->
                    new SourceUnavailableException("admin API of " + store.id() + " answered " + what + " without a body"));
            JsonNode items = ListedObjects.requireArray(store, what, body.get("data"));
            accept(pages, ListedObjects.read(store, items, objectType, "store/" + objectType + "/updated",
                    "date_modified", "date_created", ListedObjects.ISO_OFFSET));
            int totalPages = body.path("meta").path("pagination").path("total_pages").asInt(0);
            if (page >= totalPages || items.isEmpty()) {
                return;
            }
        }
    }

    private static void accept(PageSink pages, List<PolledObject> objects) {
        if (!objects.isEmpty()) {
            pages.accept(objects);
        }
    }

    private static String iso(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }
}
