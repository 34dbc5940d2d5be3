package io.crmsync.reconciler.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmsync.commons.tenant.Store;
import io.crmsync.reconciler.config.AdobeCommerceConfig;
import io.crmsync.reconciler.service.SourceUnavailableException;
import io.crmsync.sourceapi.RetryAfter;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Reads search pages of an Adobe Commerce store's REST API with the integration token from the
 * tenant registry ({@code Authorization: Bearer}). A {@code 429} (Commerce Cloud's CDN limit)
 * is waited out as {@code Retry-After} says; every other failure becomes a {@link SourceUnavailableException}.
 */
@ApplicationScoped
public class AdobeCommerceClient {

    private static final Logger LOG = Logger.getLogger(AdobeCommerceClient.class);
    private static final String ACCESS_TOKEN_CREDENTIAL = "accessToken";

    private final AdobeCommerceConfig config;
    private final ObjectMapper mapper;
    /** One REST client per base URL; the registry may move a store, so keyed by URL, not by store. */
    private final Map<String, AdobeCommerceApi> apis = new ConcurrentHashMap<>();

    public AdobeCommerceClient(AdobeCommerceConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    /**
     * Page {@code currentPage} of the objects whose {@code updated_at} is at or after {@code updatedAtMin}
     * (Adobe's {@code yyyy-MM-dd HH:mm:ss}, UTC), oldest change first, ties by {@code idField}.
     */
    public AdobeSearchPage updatedSince(Store store, String resource, String idField, String updatedAtMin, int currentPage) {
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
        return fetch(store, resource, criteria);
    }

    public int pageSize() {
        return config.pageSize();
    }

    private AdobeSearchPage fetch(Store store, String resource, Map<String, String> criteria) {
        AdobeCommerceApi api = api(store);
        String bearer = "Bearer " + accessToken(store);
        for (int rateLimited = 0; ; rateLimited++) {
            RestResponse<String> response;
            try {
                response = api.search(resource, bearer, criteria);
            } catch (ProcessingException e) {
                throw new SourceUnavailableException("REST API of " + store.id() + " cannot be reached: " + reason(e), e);
            }
            int status = response.getStatus();
            if (status == 200) {
                return page(store, response.getEntity());
            }
            if (status == 429 && rateLimited < config.maxRateLimitRetries()) {
                Duration wait = RetryAfter.parse(response.getHeaderString("Retry-After"), Instant.now())
                        .orElse(Duration.ofSeconds(1));
                wait = wait.compareTo(config.maxRetryAfter()) > 0 ? config.maxRetryAfter() : wait;
                LOG.debugf("REST API of %s is rate limited, retrying in %d ms", store.id(), wait.toMillis());
                Pause.sleep(wait);
                continue;
            }
            throw new SourceUnavailableException("REST API of " + store.id() + " answered " + status + " to " + resource
                    + (status == 429 ? " after " + rateLimited + " retries" : ""));
        }
    }

    private AdobeSearchPage page(Store store, String body) {
        JsonNode answer;
        try {
            answer = mapper.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new SourceUnavailableException("REST API of " + store.id() + " answered 200 with a body that is not JSON");
        }
        JsonNode items = answer == null ? null : answer.get("items");
        JsonNode total = answer == null ? null : answer.get("total_count");
        if (items == null || !items.isArray() || total == null || !total.canConvertToInt()) {
            throw new SourceUnavailableException("REST API of " + store.id() + " answered without 'items' and 'total_count'");
        }
        List<JsonNode> list = new ArrayList<>(items.size());
        items.forEach(list::add);
        return new AdobeSearchPage(List.copyOf(list), total.asInt());
    }

    private AdobeCommerceApi api(Store store) {
        String base = store.adminApiBaseUrl();
        if (base == null || base.isBlank()) {
            throw new SourceUnavailableException("store " + store.id() + " has no adminApi baseUrl in the tenant registry");
        }
        return apis.computeIfAbsent(base, url -> QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(url))
                .connectTimeout(config.connectTimeoutMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeoutMillis(), TimeUnit.MILLISECONDS)
                .disableDefaultMapper(true)
                .build(AdobeCommerceApi.class));
    }

    private static String accessToken(Store store) {
        String token = store.adminApiCredentials().get(ACCESS_TOKEN_CREDENTIAL);
        if (token == null || token.isBlank()) {
            throw new SourceUnavailableException("store " + store.id() + " has no adminApi credential '"
                    + ACCESS_TOKEN_CREDENTIAL + "' in the tenant registry");
        }
        return token;
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " (" + root.getMessage() + ")");
    }
}
