package io.crmsync.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The storefront simulator's generator: realistic orders stored in a store, with or without their webhooks. */
public final class StorefrontSimulatorClient {

    private final StackHttp http;
    private final String baseUrl;

    public StorefrontSimulatorClient(StackHttp http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    /**
     * Stores {@code orders} orders (each with its customer) created before {@code createdBefore}
     * (ISO instant), sending no webhook: history only a backfill (or a poll) can find.
     *
     * @return the order ids
     */
    public List<String> generateSilently(String storeId, int orders, long seed, String createdBefore) {
        JsonNode answer = http.postJson(baseUrl + "/_sim/stores/" + storeId + "/generate",
                Map.of("orders", orders, "seed", seed, "notify", false, "createdBefore", createdBefore), null);
        List<String> ids = new ArrayList<>();
        answer.path("orders").forEach(id -> ids.add(id.asText()));
        return ids;
    }
}
