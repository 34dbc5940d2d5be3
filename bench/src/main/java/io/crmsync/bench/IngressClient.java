package io.crmsync.bench;

import java.util.concurrent.ThreadFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Posts signed Shopify deliveries to webhook-ingress asynchronously over HTTP/1.1. */
public final class IngressClient implements AutoCloseable {

    /** Past the ingress ack timeout (3 s) with room to spare: a slower answer is an error of the run. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final ExecutorService callbacks = Executors.newFixedThreadPool(2, daemon("bench-http"));
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .executor(callbacks)
            .build();
    private final String baseUrl;

    public IngressClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** True when {@code /q/health/ready} answers 200. */
    public boolean ready() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Builds the request ahead of time so that sending it costs the load generator as little as possible. */
    public HttpRequest request(String storeId, ShopifyOrderWebhooks.SignedWebhook webhook) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/webhooks/shopify/" + storeId))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("X-Shopify-Topic", webhook.topic())
                .header("X-Shopify-Hmac-Sha256", webhook.hmac())
                .header("X-Shopify-Shop-Domain", storeId + ".myshopify.com")
                .header("X-Shopify-API-Version", "2024-04")
                .header("X-Shopify-Event-Id", webhook.eventId())
                .header("X-Shopify-Webhook-Id", webhook.eventId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(webhook.body()))
                .build();
    }

    /** Sends and completes with the HTTP status. */
    public CompletionStage<Integer> send(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }

    @Override
    public void close() {
        callbacks.shutdownNow();
    }

    static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
