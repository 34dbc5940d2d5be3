package io.crmsync.writer.client;

import io.crmsync.commons.tenant.CrmAccount;
import io.crmsync.writer.config.WriterConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What every CRM client needs around its REST interface: one client per account base URL (keyed
 * by URL, so a base URL changed in the tenant registry gets a new client), the writer's timeouts,
 * 4xx/5xx handed back as responses (their status and body decide what happens next), the
 * account's access token, and the root cause of a call that got no answer.
 */
final class CrmRestClients<T> {

    private final Class<T> api;
    private final WriterConfig config;
    private final Map<String, T> byBaseUrl = new ConcurrentHashMap<>();

    CrmRestClients(Class<T> api, WriterConfig config) {
        this.api = api;
        this.config = config;
    }

    T forBaseUrl(String baseUrl) {
        return byBaseUrl.computeIfAbsent(baseUrl, url -> QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(url))
                .connectTimeout(config.http().connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.http().readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .disableDefaultMapper(true)
                .build(api));
    }

    void close() {
        byBaseUrl.values().forEach(client -> {
            if (client instanceof Closeable closeable) {
                try {
                    closeable.close();
                } catch (IOException ignored) {
                    // Shutting down anyway.
                }
            }
        });
    }

    /** The account's {@code crm.credentials.accessToken}; none is an auth failure (the tenant pauses). */
    static String accessToken(String tenant, CrmAccount account) {
        String token = account.credentials().get("accessToken");
        if (token == null || token.isBlank()) {
            throw new CrmAuthException("tenant " + tenant + " has no crm.credentials.accessToken");
        }
        return token;
    }

    /** The innermost cause, named by its class: refused connections and timeouts, for the DLQ message. */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
    }
}
