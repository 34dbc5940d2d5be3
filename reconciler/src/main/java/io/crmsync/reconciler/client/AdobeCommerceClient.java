package io.crmsync.reconciler.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmsync.commons.tenant.Store;
import io.crmsync.reconciler.config.AdobeCommerceConfig;
import io.crmsync.reconciler.service.SourceUnavailableException;
import io.crmsync.sourceapi.RetryAfter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads search pages of an Adobe Commerce store's REST API with the integration token from the
 * tenant registry ({@code Authorization: Bearer}). A {@code 429} (Commerce Cloud's CDN limit)
 * is waited out as {@code Retry-After} says; every other failure becomes a {@link SourceUnavailableException}.
 */
@ApplicationScoped
public class AdobeCommerceClient {

    private static final Logger LOG = Logger.getLogger(AdobeCommerceClient.class);

    private final AdobeCommerceConfig config;
    private final ObjectMapper mapper;
    private final StoreRestClients<AdobeCommerceApi> apis;

    public AdobeCommerceClient(AdobeCommerceConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
        this.apis = new StoreRestClients<>(AdobeCommerceApi.class, config.connectTimeoutMillis(),
                config.readTimeoutMillis());
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
        AdobeCommerceApi api = apis.forStore(store);
        String bearer = "Bearer " + StoreRestClients.accessToken(store);
        for (int rateLimited = 0; ; rateLimited++) {
            RestResponse<String> response;
            try {
                response = api.search(resource, bearer, criteria);
            } catch (ProcessingException e) {
                throw new SourceUnavailableException("REST API of " + store.id() + " cannot be reached: "
                        + StoreRestClients.reason(e), e);
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
}
