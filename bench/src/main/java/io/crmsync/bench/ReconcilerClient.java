package io.crmsync.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/** The reconciler's backfill admin API (operator token) and its metrics. */
public final class ReconcilerClient {

    private final StackHttp http;
    private final String baseUrl;
    private final String token;

    public ReconcilerClient(StackHttp http, String baseUrl, String token) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** Starts the backfill of a store's orders; returns the job id. */
    public String backfillOrders(String tenant, String storeId, String since) {
        JsonNode jobs = http.postJson(baseUrl + "/admin/backfills",
                Map.of("tenant", tenant, "storeId", storeId, "since", since, "objectTypes", List.of("order")), token);
        return jobs.path(0).path("id").asText();
    }

    /** {@code {id, status (running|done|failed), published, lastError, ...}} */
    public JsonNode backfill(String id) {
        return http.getJson(baseUrl + "/admin/backfills/" + id, token);
    }

    /** Objects of the store the periodic poll has published so far ({@code crmsync_reconcile_polled_total}). */
    public double polled(String storeId) {
        return PrometheusText.sum(http.getText(baseUrl + "/q/metrics"), "crmsync_reconcile_polled_total",
                Map.of("store", storeId));
    }
}
