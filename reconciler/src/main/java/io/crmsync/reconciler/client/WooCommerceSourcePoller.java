package io.crmsync.reconciler.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.commons.tenant.Platform;
import io.crmsync.commons.tenant.Store;
import io.crmsync.reconciler.config.ReconcilerConfig;
import io.crmsync.reconciler.service.ObjectIds;
import io.crmsync.reconciler.service.PageSink;
import io.crmsync.reconciler.service.PolledObject;
import io.crmsync.reconciler.service.SourcePoller;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * WooCommerce (REST API v3): orders and products by {@code modified_after} (exclusive, so asked
 * for one second before {@code since}; GMT with {@code dates_are_gmt=true}),
 * {@code orderby=modified&order=asc}, pages by {@code page}/{@code per_page} until
 * {@code X-WP-TotalPages}. Customers have no date filter in WooCommerce: every customer is listed
 * (by id) and those modified before {@code since} are left out here. Each object goes out as the
 * {@code <resource>.updated} webhook WooCommerce would have sent, with the same body.
 */
@ApplicationScoped
public class WooCommerceSourcePoller implements SourcePoller {

    private static final DateTimeFormatter GMT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    static final String TOTAL_PAGES = "X-WP-TotalPages";
    private static final Map<String, String> RESOURCES = Map.of("order", "orders", "customer", "customers", "product", "products");
    private static final Comparator<PolledObject> OLDEST_CHANGE_FIRST = Comparator.comparing(PolledObject::updatedAt)
            .thenComparing(PolledObject::objectId, ObjectIds.ORDER);

    private final StoreListCalls calls;
    private final ReconcilerConfig.Listing config;

    public WooCommerceSourcePoller(StoreListCalls calls, ReconcilerConfig config) {
        this.calls = calls;
        this.config = config.woocommerce();
    }

    @Override
    public Platform platform() {
        return Platform.WOOCOMMERCE;
    }

    @Override
    public List<String> objectTypes() {
        return List.of("order", "customer", "product");
    }

    @Override
    public void poll(Store store, String objectType, Instant since, PageSink pages) {
        String resource = RESOURCES.get(objectType);
        if (resource == null) {
            throw new IllegalArgumentException("WooCommerce poller does not list " + objectType);
        }
        String basic = basicAuth(store);
        boolean customers = "customer".equals(objectType);
        String modifiedAfter = customers ? null : modifiedAfter(since);
        String what = "woocommerce " + resource + " list";
        for (int page = 1; ; page++) {
            int number = page;
            StoreListCalls.Listed listed = calls.get(store, WooCommerceListApi.class, what, config.maxRateLimitRetries(),
                    api -> api.list(resource, basic, number, config.pageSize(), customers ? "id" : "modified", "asc",
                            modifiedAfter, customers ? null : Boolean.TRUE));
            JsonNode items = ListedObjects.requireArray(store, what, listed.body());
            List<PolledObject> objects = ListedObjects.read(store, items, objectType, objectType + ".updated",
                    "date_modified_gmt", "date_created_gmt", ListedObjects.WOO_GMT);
            if (customers) {
                objects = objects.stream().filter(o -> !o.updatedAt().isBefore(since)).sorted(OLDEST_CHANGE_FIRST).toList();
            }
            if (!objects.isEmpty()) {
                pages.accept(objects);
            }
            if (isLast(page, items.size(), listed.headers().apply(TOTAL_PAGES))) {
                return;
            }
        }
    }

    /** {@code X-WP-TotalPages} when the site sends it, else a short page ends the list. */
    private boolean isLast(int page, int size, String totalPages) {
        if (totalPages != null && totalPages.trim().matches("\\d{1,9}")) {
            return page >= Integer.parseInt(totalPages.trim());
        }
        return size < config.pageSize();
    }

    /** One second before {@code since}, whole seconds (WooCommerce's precision): the exclusive bound then keeps {@code since}. */
    static String modifiedAfter(Instant since) {
        return GMT.format(LocalDateTime.ofInstant(since.truncatedTo(ChronoUnit.SECONDS).minusSeconds(1), ZoneOffset.UTC));
    }

    /** HTTP Basic with the consumer key and secret, as source-api's WooCommerce reader sends them. */
    private static String basicAuth(Store store) {
        String key = StoreListCalls.credential(store, "consumerKey");
        String secret = StoreListCalls.credential(store, "consumerSecret");
        return "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }
}
