package io.crmsync.bench.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain JSON calls to the local stack's HTTP surfaces; no answer is status {@code -1}, never an exception. */
final class StackHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One answer: the status ({@code -1} when none came) and the body. */
    record Reply(int status, String body) {

        boolean is2xx() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (HTTP " + status + "): " + body, e);
            }
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    Reply get(String url, String token) {
        return send(request(url, token).GET());
    }

    Reply put(String url, String json) {
        return send(request(url, null).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply post(String url, String json, String token) {
        return send(request(url, token).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply delete(String url) {
        return send(request(url, null).DELETE());
    }

    /** A raw POST with the caller's headers (signed webhooks). */
    Reply post(String url, byte[] body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).headers(headers).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static HttpRequest.Builder request(String url, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Reply(-1, String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(-1, "interrupted");
        }
    }

    static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
