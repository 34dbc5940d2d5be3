package io.crmsync.reconciler.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.commons.tenant.Store;
import io.crmsync.reconciler.service.SourceUnavailableException;
import io.crmsync.sourceapi.SourceCalls;
import io.crmsync.sourceapi.SourceRateLimitedException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * One page request of a list endpoint through source-api's {@link SourceCalls}: every poller's
 * HTTP goes this way, so polling shares fetch-back's per-store pacing ({@code StorePacing} fed by
 * Shopify's {@code X-Shopify-Shop-Api-Call-Limit} bucket and BigCommerce's {@code X-Rate-Limit-*}
 * headers; 429 waits from {@code Retry-After} / {@code X-Rate-Limit-Time-Reset-Ms}), REST clients,
 * timeouts, error classes and call metric. Adds what listing needs and {@code SourceCalls} does not
 * give: the answer's headers (Shopify's {@code Link}, WordPress's page count), a bounded retry of
 * 429s, and the store's credentials from the registry.
 */
@ApplicationScoped
public class StoreListCalls {

    private final SourceCalls calls;

    public StoreListCalls(SourceCalls calls) {
        this.calls = calls;
    }

    /**
     * @param body    the JSON answer; null for a 204 or an empty body
     * @param headers the answer's headers by name
     */
    public record Listed(JsonNode body, Function<String, String> headers) {
    }

    /**
     * @throws io.crmsync.sourceapi.SourceApiException when the store cannot be read (outage, 401/403,
     *         still rate limited after {@code maxRateLimitRetries})
     */
    public <A> Listed get(Store store, Class<A> api, String what, int maxRateLimitRetries,
                          Function<A, RestResponse<String>> call) {
        for (int rateLimited = 0; ; rateLimited++) {
            AtomicReference<RestResponse<String>> response = new AtomicReference<>();
            try {
                SourceCalls.Answer answer = calls.get(store, api, what, client -> {
                    RestResponse<String> r = call.apply(client);
                    response.set(r);
                    return r;
                });
                RestResponse<String> r = response.get();
                return new Listed(answer.body(), r::getHeaderString);
            } catch (SourceRateLimitedException e) {
                if (rateLimited >= maxRateLimitRetries) {
                    throw e;
                }
                // SourceCalls has already pushed the store's next call back by the wait the platform
                // asked for; the retry waits for it in StorePacing.
            }
        }
    }

    /** A credential of the store's admin API from the tenant registry ({@code accessToken}, {@code consumerKey}, …). */
    static String credential(Store store, String name) {
        String value = Optional.ofNullable(store.adminApiCredentials()).map(c -> c.get(name)).orElse(null);
        if (value == null || value.isBlank()) {
            throw new SourceUnavailableException("store " + store.id() + " has no adminApi credential '" + name
                    + "' in the tenant registry");
        }
        return value;
    }
}
