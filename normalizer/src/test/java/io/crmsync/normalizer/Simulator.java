package io.crmsync.normalizer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The storefront simulator (a child app of the test kit) as the tests drive it: seeding, faults, raw API calls. */
public final class Simulator {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    public Simulator(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Stores the platform's JSON for the object without sending its webhook. */
    public void put(String storeId, String objectType, String id, String json) {
        send("PUT", "/_sim/stores/" + storeId + "/" + objectType + "/" + id + "?notify=false", json, Map.of());
    }

    public void fault(String storeId, String mode) {
        send("POST", "/_sim/faults", "{\"storeId\":\"" + storeId + "\",\"mode\":\"" + mode + "\"}", Map.of());
    }

    public void rateLimit(String storeId, int requests, int perSeconds) {
        send("POST", "/_sim/faults", "{\"storeId\":\"" + storeId + "\",\"mode\":\"api-rate-limit\",\"requests\":"
                + requests + ",\"perSeconds\":" + perSeconds + "}", Map.of());
    }

    /** A raw admin API call (to spend a store's quota behind the client's back); returns the status. */
    public int get(String path, Map<String, String> headers) {
        return send("GET", path, null, headers);
    }

    private int send(String method, String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10));
        headers.forEach(request::header);
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (!method.equals("GET") && response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
