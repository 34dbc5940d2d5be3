package io.crmsync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The blocking calls the benchmarks and the fault suite make to the stack's HTTP surfaces
 * (sandbox, simulator, admin APIs, signed webhooks of the security checks). The benchmarks' load
 * goes through {@link IngressClient}, never through here. Two styles on one client: {@link Reply}
 * methods never throw (the fault suite judges statuses, and no answer is status {@code -1});
 * the {@code …Json}/{@code getText} methods treat anything but 2xx as a failure of the run.
 */
public final class StackHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** One answer: the status ({@code -1} when none came) and the body. */
    public record Reply(int status, String body) {

        public boolean is2xx() {
            return status >= 200 && status < 300;
        }

        public JsonNode json() {
            try {
                return body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (HTTP " + status + "): " + body, e);
            }
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    public Reply get(String url, String bearer) {
        return send(request(url, bearer).GET());
    }

    public Reply put(String url, String json) {
        return send(request(url, null).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply post(String url, String json, String bearer) {
        return send(request(url, bearer).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply delete(String url) {
        return send(request(url, null).DELETE());
    }

    /** A raw POST with the caller's headers (signed webhooks). */
    public Reply post(String url, byte[] body, String... headers) {
        return send(request(url, null).headers(headers).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public JsonNode getJson(String url, String bearer) {
        return expect2xx(url, get(url, bearer)).json();
    }

    public String getText(String url) {
        return expect2xx(url, get(url, null)).body();
    }

    /** POSTs {@code body} as JSON; {@code bearer} may be null. Any non-2xx answer is a failure of the run. */
    public JsonNode postJson(String url, Object body, String bearer) {
        try {
            return expect2xx(url, post(url, JSON.writeValueAsString(body), bearer)).json();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reply expect2xx(String url, Reply reply) {
        if (reply.status() == -1) {
            throw new UncheckedIOException("no answer from " + url, new IOException(reply.body()));
        }
        if (!reply.is2xx()) {
            throw new IllegalStateException(url + " answered " + reply.status() + ": " + reply.body());
        }
        return reply;
    }

    private static HttpRequest.Builder request(String url, String bearer) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
        return bearer == null ? builder : builder.header("Authorization", "Bearer " + bearer);
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Reply(-1, String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(-1, "interrupted");
        }
    }
}
