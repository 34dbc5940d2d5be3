package io.crmsync.reconciler.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmsync.commons.tenant.Store;
import io.crmsync.reconciler.config.ReconcilerConfig;
import io.crmsync.reconciler.service.SourceUnavailableException;
import io.crmsync.sourceapi.RetryAfter;
import io.crmsync.sourceapi.ShopifyCallLimit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads pages of a Shopify store's Admin REST API: its base URL and access token come from the
 * tenant registry. Honours {@code 429 Retry-After} and reports the call-limit bucket so the caller
 * can pace itself; every other failure becomes a {@link SourceUnavailableException}.
 */
@ApplicationScoped
public class ShopifyAdminClient {

    private static final Logger LOG = Logger.getLogger(ShopifyAdminClient.class);

    private final ReconcilerConfig.Shopify config;
    private final ObjectMapper mapper;
    private final StoreRestClients<ShopifyAdminApi> apis;

    public ShopifyAdminClient(ReconcilerConfig config, ObjectMapper mapper) {
        this.config = config.shopify();
        this.mapper = mapper;
        this.apis = new StoreRestClients<>(ShopifyAdminApi.class, this.config.connectTimeoutMillis(),
                this.config.readTimeoutMillis());
    }

    /** The first page of orders of any status modified at or after {@code updatedAtMin}, oldest change first. */
    public ShopifyPage firstOrdersPage(Store store, Instant updatedAtMin) {
        String since = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(updatedAtMin.atOffset(ZoneOffset.UTC));
        return fetch(store, "orders", api -> api.orders(config.apiVersion(), StoreRestClients.accessToken(store), "any", since,
                config.pageSize(), "updated_at asc", null));
    }

    /** The page after the one that named {@code pageInfo}; Shopify accepts only limit and page_info here. */
    public ShopifyPage nextOrdersPage(Store store, String pageInfo) {
        return fetch(store, "orders", api -> api.orders(config.apiVersion(), StoreRestClients.accessToken(store), null, null,
                config.pageSize(), null, pageInfo));
    }

    private ShopifyPage fetch(Store store, String listKey, Function<ShopifyAdminApi, RestResponse<String>> call) {
        ShopifyAdminApi api = apis.forStore(store);
        for (int rateLimited = 0; ; rateLimited++) {
            RestResponse<String> response;
            try {
                response = call.apply(api);
            } catch (ProcessingException e) {
                throw new SourceUnavailableException("admin API of " + store.id() + " cannot be reached: " + StoreRestClients.reason(e), e);
            }
            int status = response.getStatus();
            if (status == 200) {
                return page(store, listKey, response);
            }
            if (status == 429 && rateLimited < config.maxRateLimitRetries()) {
                Duration wait = RetryAfter.parse(response.getHeaderString("Retry-After"), Instant.now())
                        .orElse(Duration.ofSeconds(1));
                wait = wait.compareTo(config.maxRetryAfter()) > 0 ? config.maxRetryAfter() : wait;
                LOG.debugf("admin API of %s is rate limited, retrying in %d ms", store.id(), wait.toMillis());
                Pause.sleep(wait);
                continue;
            }
            throw new SourceUnavailableException("admin API of " + store.id() + " answered " + status
                    + (status == 429 ? " after " + rateLimited + " retries" : ""));
        }
    }

    private ShopifyPage page(Store store, String listKey, RestResponse<String> response) {
        JsonNode items;
        try {
            items = mapper.readTree(response.getEntity() == null ? "" : response.getEntity()).path(listKey);
        } catch (JsonProcessingException e) {
            throw new SourceUnavailableException("admin API of " + store.id() + " answered 200 with a body that is not JSON");
        }
        if (!items.isArray()) {
            throw new SourceUnavailableException("admin API of " + store.id() + " answered without a '" + listKey + "' list");
        }
        List<JsonNode> list = new ArrayList<>(items.size());
        items.forEach(list::add);
        Optional<String> next = LinkHeader.nextPageInfo(response.getHeaderString("Link"));
        Duration pause = ShopifyCallLimit.parse(response.getHeaderString(ShopifyAdminApi.CALL_LIMIT))
                .map(limit -> limit.pauseToKeep(config.callLimitHeadroom(), config.callLimitLeakPerSecond()))
                .orElse(Duration.ZERO);
        return new ShopifyPage(List.copyOf(list), next, pause);
    }
}
