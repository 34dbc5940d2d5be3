package io.crmsync.sourceapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.commons.tenant.Store;
import io.crmsync.contract.EventCodec;
import io.crmsync.sourceapi.SourceApiMetrics.Outcome;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One HTTP call to a store's admin API: waits for the store's pacing, sends, reads the platform's
 * rate-limit headers into the pacing, counts the outcome and turns the status into an answer or
 * one of the {@link SourceApiException}s. JSON is read with exact numbers (amounts stay
 * {@code BigDecimal}), as the contract's codec reads it.
 */
@ApplicationScoped
public class SourceCalls {

    private static final Logger LOG = Logger.getLogger(SourceCalls.class);
    /** Clocks and rounding: the window has surely reset this long after the time the store gave. */
    private static final Duration RESET_MARGIN = Duration.ofMillis(20);
    private static final Duration DEFAULT_RATE_LIMIT_WAIT = Duration.ofSeconds(1);

    private final SourceApiConfig config;
    private final StorePacing pacing;
    private final SourceApiMetrics metrics;
    /** One REST client per API and base URL; the registry may move a store, so keyed by URL, not by store. */
    private final Map<String, Object> clients = new ConcurrentHashMap<>();

    public SourceCalls(SourceApiConfig config, StorePacing pacing, SourceApiMetrics metrics) {
        this.config = config;
        this.pacing = pacing;
        this.metrics = metrics;
    }

    /**
     * A 200 or 204 answer of the store; a 204 (or an empty body) has a null {@code body}.
     *
     * @param what names the resource in messages ({@code "v2 order"}), never an id of a person
     */
    public record Answer(int status, JsonNode body) {
    }

    public <A> Answer get(Store store, Class<A> api, String what, Function<A, RestResponse<String>> call) {
        A client = client(store, api);
        pacing.awaitTurn(store);
        RestResponse<String> response;
        try {
            response = call.apply(client);
        } catch (ProcessingException e) {
            metrics.call(store, Outcome.UNAVAILABLE);
            throw new SourceUnavailableException(what + " of store " + store.id() + " cannot be read: " + rootCause(e), e);
        }
        observeRateLimit(store, response);
        int status = response.getStatus();
        if (status == 200 || status == 204) {
            JsonNode body = json(store, what, status == 204 ? null : response.getEntity());
            metrics.call(store, Outcome.OK);
            return new Answer(status, body);
        }
        if (status == 401 || status == 403) {
            metrics.call(store, Outcome.AUTH);
            throw new SourceAuthException("admin API of store " + store.id() + " refused the registry's credentials for "
                    + what + " (" + status + ")");
        }
        if (status == 404) {
            metrics.call(store, Outcome.NOT_FOUND);
            throw new SourceObjectNotFoundException(what + " not found in store " + store.id() + " (404)");
        }
        if (status == 429) {
            metrics.call(store, Outcome.RATE_LIMITED);
            Duration wait = retryAfter(store, response);
            pacing.holdBack(store, wait);
            LOG.debugf("admin API of store %s is rate limited; next call in %d ms", store.id(), wait.toMillis());
            throw new SourceRateLimitedException("admin API of store " + store.id() + " rate limited " + what + " (429)", wait);
        }
        metrics.call(store, Outcome.UNAVAILABLE);
        throw new SourceUnavailableException("admin API of store " + store.id() + " answered " + status + " for " + what);
    }

    /** Pushes the store's next call back when its bucket or window is nearly spent. */
    private void observeRateLimit(Store store, RestResponse<String> response) {
        switch (store.platform()) {
            case SHOPIFY -> ShopifyCallLimit.parse(response.getHeaderString(ShopifyAdminApi.CALL_LIMIT))
                    .map(limit -> limit.pauseToKeep(config.shopify().callLimitHeadroom(), config.shopify().callLimitLeakPerSecond()))
                    .ifPresent(pause -> pacing.holdBack(store, pause));
            case BIGCOMMERCE -> BigCommerceRateLimit.parse(response::getHeaderString)
                    .map(limit -> limit.pauseToKeep(config.bigcommerce().requestsHeadroom()))
                    .filter(pause -> !pause.isZero())
                    .ifPresent(pause -> pacing.holdBack(store, pause.plus(RESET_MARGIN)));
            default -> {
                // WooCommerce core has no rate limit headers on success.
            }
        }
    }

    /** Shopify and WooCommerce say {@code Retry-After}; BigCommerce says when its window resets. */
    private static Duration retryAfter(Store store, RestResponse<String> response) {
        Optional<Duration> asked = switch (store.platform()) {
            case BIGCOMMERCE -> BigCommerceRateLimit.parse(response::getHeaderString)
                    .map(limit -> limit.retryAfter().plus(RESET_MARGIN));
            default -> RetryAfter.parse(response.getHeaderString("Retry-After"), Instant.now());
        };
        return asked.orElse(DEFAULT_RATE_LIMIT_WAIT);
    }

    private static JsonNode json(Store store, String what, String entity) {
        if (entity == null || entity.isBlank()) {
            return null;
        }
        try {
            return EventCodec.mapper().readTree(entity);
        } catch (JsonProcessingException e) {
            throw new SourceUnavailableException("admin API of store " + store.id() + " answered " + what + " with a body that is not JSON");
        }
    }

    @SuppressWarnings("unchecked")
    private <A> A client(Store store, Class<A> api) {
        String base = store.adminApiBaseUrl();
        if (base == null || base.isBlank()) {
            throw new SourceNotConfiguredException("store " + store.id() + " has no adminApi baseUrl in the tenant registry");
        }
        return (A) clients.computeIfAbsent(api.getName() + " " + base, key -> QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(base))
                .connectTimeout(config.connectTimeoutMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeoutMillis(), TimeUnit.MILLISECONDS)
                // Status codes are classified here, not turned into exceptions by the client.
                .disableDefaultMapper(true)
                .build(api));
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
