package io.crmsync.writer.client;

import io.crmsync.commons.tenant.CrmAccount;
import io.crmsync.writer.config.WriterConfig;
import io.crmsync.writer.service.WriterMetrics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import java.time.Duration;

/**
 * HubSpot calls for any tenant: one REST client per account base URL, the account's bearer token
 * on every request, each request counted, and HTTP outcomes turned into the writer's failure
 * kinds (unavailable, rate-limited, auth, rejected). No retries here: see {@code CrmCalls}.
 */
@ApplicationScoped
public class HubSpotClient {

    private final WriterMetrics metrics;
    private final CrmRequestGate gate;
    private final CrmRestClients<HubSpotApi> apis;

    public HubSpotClient(WriterConfig config, WriterMetrics metrics, CrmRequestGate gate) {
        this.apis = new CrmRestClients<>(HubSpotApi.class, config);
        this.metrics = metrics;
        this.gate = gate;
    }

    public HubSpotWire.BatchResult upsert(String tenant, CrmAccount account, String objectType,
                                          HubSpotWire.BatchUpsertRequest request) {
        String endpoint = "POST /crm/v3/objects/" + objectType + "/batch/upsert";
        return exchange(tenant, account, endpoint, (api, auth) -> api.batchUpsert(auth, objectType, request),
                HubSpotWire.BatchResult.class);
    }

    public HubSpotWire.BatchResult read(String tenant, CrmAccount account, String objectType,
                                        HubSpotWire.BatchReadRequest request) {
        String endpoint = "POST /crm/v3/objects/" + objectType + "/batch/read";
        return exchange(tenant, account, endpoint, (api, auth) -> api.batchRead(auth, objectType, request),
                HubSpotWire.BatchResult.class);
    }

    /** Merges {@code objectIdToMerge} into {@code primaryObjectId}; answers the primary. */
    public HubSpotWire.ResultObject merge(String tenant, CrmAccount account, String objectType,
                                          HubSpotWire.MergeRequest request) {
        String endpoint = "POST /crm/v3/objects/" + objectType + "/merge";
        return exchange(tenant, account, endpoint, (api, auth) -> api.merge(auth, objectType, request),
                HubSpotWire.ResultObject.class);
    }

    /** The record with this CRM id; a merged id answers its primary, as in HubSpot. */
    public HubSpotWire.ResultObject get(String tenant, CrmAccount account, String objectType, String objectId) {
        String endpoint = "GET /crm/v3/objects/" + objectType + "/{id}";
        return exchange(tenant, account, endpoint, (api, auth) -> api.get(auth, objectType, objectId),
                HubSpotWire.ResultObject.class);
    }

    public void associate(String tenant, CrmAccount account, String fromType, String toType,
                          HubSpotWire.AssociationBatchRequest request) {
        String endpoint = "POST /crm/v4/associations/" + fromType + "/" + toType + "/batch/associate/default";
        exchange(tenant, account, endpoint, (api, auth) -> api.associateDefault(auth, fromType, toType, request),
                Void.class);
    }

    private <T> T exchange(String tenant, CrmAccount account, String endpoint, Call call, Class<T> type) {
        String token = CrmRestClients.accessToken(tenant, account);
        gate.admit(tenant, account);
        Response response;
        try {
            response = call.send(apis.forBaseUrl(account.baseUrl()), "Bearer " + token);
        } catch (ProcessingException e) {
            // Refused connections and timeouts; the CRM never answered.
            metrics.apiCall(tenant, endpoint, "io-error");
            throw new CrmUnavailableException(endpoint + " got no answer: " + CrmRestClients.rootMessage(e), e);
        }
        try {
            int status = response.getStatus();
            metrics.apiCall(tenant, endpoint, Integer.toString(status));
            gate.observe(tenant, account, budget(response, status));
            if (status >= 200 && status < 300) {
                return type == Void.class ? null : response.readEntity(type);
            }
            throw failure(tenant, endpoint, status, response);
        } finally {
            response.close();
        }
    }

    private CrmCallException failure(String tenant, String endpoint, int status, Response response) {
        HubSpotWire.ErrorBody error = errorBody(response);
        String category = error == null ? null : error.category();
        String detail = endpoint + " answered " + status + (category == null ? "" : " " + category)
                + (error == null || error.message() == null ? "" : ": " + error.message());
        if (status == 429) {
            metrics.rateLimited(tenant);
            return new CrmRateLimitedException(detail, retryAfter(response));
        }
        if (status == 401 || status == 403) {
            return new CrmAuthException(detail);
        }
        if (status >= 500 || status == 408) {
            return new CrmUnavailableException(detail);
        }
        return new CrmRejectedException(detail, category);
    }

    private static HubSpotWire.ErrorBody errorBody(Response response) {
        try {
            return response.hasEntity() ? response.readEntity(HubSpotWire.ErrorBody.class) : null;
        } catch (RuntimeException e) {
            // Not HubSpot's JSON (a proxy's HTML page, say): the status alone decides.
            return null;
        }
    }

    /** HubSpot's rolling-window headers, and {@code Retry-After} on a 429. */
    static CrmBudgetReading budget(Response response, int status) {
        Integer interval = integer(response.getHeaderString("X-HubSpot-RateLimit-Interval-Milliseconds"));
        return CrmBudgetReading.window(integer(response.getHeaderString("X-HubSpot-RateLimit-Max")),
                integer(response.getHeaderString("X-HubSpot-RateLimit-Remaining")),
                interval == null ? null : Duration.ofMillis(interval), status == 429 ? retryAfter(response) : null);
    }

    private static Integer integer(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code Retry-After} in seconds, as HubSpot sends it; null when absent or not a number. */
    static Duration retryAfter(Response response) {
        String value = response.getHeaderString("Retry-After");
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @PreDestroy
    void close() {
        apis.close();
    }

    @FunctionalInterface
    private interface Call {

        Response send(HubSpotApi api, String authorization);
    }
}
