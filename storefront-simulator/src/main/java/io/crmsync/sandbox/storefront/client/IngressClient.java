package io.crmsync.sandbox.storefront.client;

import io.crmsync.sandbox.storefront.config.SimulatorConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Posts one webhook to webhook-ingress, as a platform's sender does: no trace context, no retry
 * here (the delivery service decides), and a hard timeout after which the attempt counts as failed.
 */
@ApplicationScoped
public class IngressClient {

    /** The attempt got no HTTP answer (connection refused, reset, timeout). */
    public static final int NO_ANSWER = -1;

    private final HttpClient http;
    private final Duration timeout;

    public IngressClient(SimulatorConfig config) {
        this.timeout = config.delivery().timeout();
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** @return the HTTP status of the answer, or {@link #NO_ANSWER} */
    public int post(URI uri, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return NO_ANSWER;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return NO_ANSWER;
        }
    }
}
