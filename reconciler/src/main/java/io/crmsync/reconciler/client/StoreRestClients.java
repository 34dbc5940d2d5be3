package io.crmsync.reconciler.client;

import io.crmsync.commons.tenant.Store;
import io.crmsync.reconciler.service.SourceUnavailableException;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What the reconciler's own store clients need around their REST interface: one client per admin
 * API base URL (the registry may move a store, so keyed by URL, not by store), status codes handed
 * back as responses (each client decides what a 429 or a 5xx means), the store's access token, and
 * the root cause of a call that got no answer.
 */
final class StoreRestClients<T> {

    private static final String ACCESS_TOKEN_CREDENTIAL = "accessToken";

    private final Class<T> api;
    private final long connectTimeoutMillis;
    private final long readTimeoutMillis;
    private final Map<String, T> byBaseUrl = new ConcurrentHashMap<>();

    StoreRestClients(Class<T> api, long connectTimeoutMillis, long readTimeoutMillis) {
        this.api = api;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    T forStore(Store store) {
        String base = store.adminApiBaseUrl();
        if (base == null || base.isBlank()) {
            throw new SourceUnavailableException("store " + store.id() + " has no adminApi baseUrl in the tenant registry");
        }
        return byBaseUrl.computeIfAbsent(base, url -> QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(url))
                .connectTimeout(connectTimeoutMillis, TimeUnit.MILLISECONDS)
                .readTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS)
                .disableDefaultMapper(true)
                .build(api));
    }

    static String accessToken(Store store) {
        String token = store.adminApiCredentials().get(ACCESS_TOKEN_CREDENTIAL);
        if (token == null || token.isBlank()) {
            throw new SourceUnavailableException("store " + store.id() + " has no adminApi credential '"
                    + ACCESS_TOKEN_CREDENTIAL + "' in the tenant registry");
        }
        return token;
    }

    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " (" + root.getMessage() + ")");
    }
}
