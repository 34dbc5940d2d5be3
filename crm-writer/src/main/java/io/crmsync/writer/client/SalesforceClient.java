package io.crmsync.writer.client;

import io.crmsync.commons.tenant.CrmAccount;
import io.crmsync.writer.config.WriterConfig;
import io.crmsync.writer.service.WriterMetrics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Salesforce calls for any tenant: one REST client per instance URL ({@code crm.baseUrl}), the
 * account's access token as bearer (REST) or session id (SOAP), every request through the
 * {@link CrmRequestGate} and counted, {@code Sforce-Limit-Info} read from every answer, and
 * outcomes turned into the writer's failure kinds. No retries here: see {@code CrmCalls}.
 * <p>
 * Status to failure: 401 ({@code INVALID_SESSION_ID}) and a 403 other than the limit are auth;
 * 403 {@code REQUEST_LIMIT_EXCEEDED} (and the SOAP fault of that name) is rate-limited, without a
 * wait (Salesforce sends no {@code Retry-After}); 5xx, 408 and no answer are unavailable; other
 * 4xx are rejections whose category is Salesforce's {@code errorCode}.
 */
@ApplicationScoped
public class SalesforceClient {

    private static final String REQUEST_LIMIT_EXCEEDED = "REQUEST_LIMIT_EXCEEDED";
    private static final String INVALID_SESSION_ID = "INVALID_SESSION_ID";
    /** Faults that say Salesforce failed, not the request: worth another attempt. */
    private static final Set<String> SERVER_FAULTS = Set.of("SERVER_UNAVAILABLE", "UNKNOWN_EXCEPTION");
    private static final GenericType<List<SalesforceWire.SaveResult>> SAVE_RESULTS = new GenericType<>() {
    };
    private static final GenericType<Map<String, Object>> RECORD = new GenericType<>() {
    };
    private static final GenericType<List<SalesforceWire.ApiError>> API_ERRORS = new GenericType<>() {
    };

    private final WriterMetrics metrics;
    private final CrmRequestGate gate;
    private final CrmRestClients<SalesforceApi> apis;

    public SalesforceClient(WriterConfig config, WriterMetrics metrics, CrmRequestGate gate) {
        this.apis = new CrmRestClients<>(SalesforceApi.class, config);
        this.metrics = metrics;
        this.gate = gate;
    }

    /** Collections upsert by external id: one result per record, in order. */
    public List<SalesforceWire.SaveResult> upsert(String tenant, CrmAccount account, String sObject,
                                                  String externalIdField, SalesforceWire.CollectionRequest request) {
        String endpoint = "PATCH /services/data/v" + SalesforceApi.VERSION + "/composite/sobjects/" + sObject + "/"
                + externalIdField;
        return exchange(tenant, account, endpoint, (api, token) -> api.upsert(bearer(token), sObject, externalIdField, request),
                response -> response.readEntity(SAVE_RESULTS), SalesforceClient::restFailure);
    }

    /** Collections update by Id (records of any sObject): one result per record, in order. */
    public List<SalesforceWire.SaveResult> update(String tenant, CrmAccount account,
                                                  SalesforceWire.CollectionRequest request) {
        String endpoint = "PATCH /services/data/v" + SalesforceApi.VERSION + "/composite/sobjects";
        return exchange(tenant, account, endpoint, (api, token) -> api.update(bearer(token), request),
                response -> response.readEntity(SAVE_RESULTS), SalesforceClient::restFailure);
    }

    public SalesforceWire.QueryResult query(String tenant, CrmAccount account, String soql) {
        String endpoint = "GET /services/data/v" + SalesforceApi.VERSION + "/query";
        return exchange(tenant, account, endpoint, (api, token) -> api.query(bearer(token), soql),
                response -> response.readEntity(SalesforceWire.QueryResult.class), SalesforceClient::restFailure);
    }

    /** The record with this id; a deleted one is a rejection with category {@code ENTITY_IS_DELETED}. */
    public Map<String, Object> get(String tenant, CrmAccount account, String sObject, String id) {
        String endpoint = "GET /services/data/v" + SalesforceApi.VERSION + "/sobjects/" + sObject + "/{id}";
        return exchange(tenant, account, endpoint, (api, token) -> api.get(bearer(token), sObject, id),
                response -> response.readEntity(RECORD), SalesforceClient::restFailure);
    }

    /** The SOAP API's {@code merge()} of {@code mergedId} into {@code masterId}. */
    public SalesforceWire.MergeResult merge(String tenant, CrmAccount account, String sObject, String masterId,
                                            String mergedId) {
        String endpoint = "POST /services/Soap/u/" + SalesforceApi.VERSION;
        return exchange(tenant, account, endpoint,
                (api, token) -> api.soap("\"\"", SalesforceSoap.mergeEnvelope(token, sObject, masterId, mergedId)), response -> {
            String xml = response.readEntity(String.class);
            return SalesforceSoap.mergeResult(xml).orElseThrow(() ->
                    new CrmUnavailableException(endpoint + " answered 200 without a mergeResponse result"));
        }, SalesforceClient::soapFailure);
    }

    private <T> T exchange(String tenant, CrmAccount account, String endpoint, Call call, Reader<T> reader,
                           Failure failure) {
        String token = CrmRestClients.accessToken(tenant, account);
        SalesforceApi api = apis.forBaseUrl(account.baseUrl());
        gate.admit(tenant, account);
        Response response;
        try {
            response = call.send(api, token);
        } catch (ProcessingException e) {
            // Refused connections and timeouts; Salesforce never answered.
            metrics.apiCall(tenant, endpoint, "io-error");
            throw new CrmUnavailableException(endpoint + " got no answer: " + CrmRestClients.rootMessage(e), e);
        }
        try {
            int status = response.getStatus();
            metrics.apiCall(tenant, endpoint, Integer.toString(status));
            SalesforceLimitInfo.parse(response.getHeaderString(SalesforceLimitInfo.HEADER)).ifPresent(reading -> {
                gate.observe(tenant, account, reading);
                metrics.crmApiDailyUsage(tenant, reading.dailyUsed(), reading.dailyLimit());
            });
            if (status >= 200 && status < 300) {
                return reader.read(response);
            }
            CrmCallException refused = failure.of(endpoint, status, response);
            if (refused instanceof CrmRateLimitedException) {
                metrics.rateLimited(tenant);
            }
            throw refused;
        } finally {
            response.close();
        }
    }

    private static CrmCallException restFailure(String endpoint, int status, Response response) {
        SalesforceWire.ApiError error = apiError(response);
        String code = error == null ? null : error.errorCode();
        String detail = endpoint + " answered " + status + (code == null ? "" : " " + code)
                + (error == null || error.message() == null ? "" : ": " + error.message());
        if (REQUEST_LIMIT_EXCEEDED.equals(code) || status == 429) {
            // Salesforce names no wait: CrmCalls waits its default.
            return new CrmRateLimitedException(detail, null);
        }
        if (status == 401 || status == 403) {
            return new CrmAuthException(detail);
        }
        if (status >= 500 || status == 408) {
            return new CrmUnavailableException(detail);
        }
        return new CrmRejectedException(detail, code);
    }

    /** SOAP refusals are faults in a 500; their code decides, as the REST errorCode does. */
    private static CrmCallException soapFailure(String endpoint, int status, Response response) {
        SalesforceSoap.Fault fault = readText(response).flatMap(SalesforceSoap::fault).orElse(null);
        String detail = endpoint + " answered " + status
                + (fault == null ? "" : " " + fault.code() + (fault.message() == null ? "" : ": " + fault.message()));
        if (fault == null) {
            return status == 401 || status == 403 ? new CrmAuthException(detail) : new CrmUnavailableException(detail);
        }
        if (REQUEST_LIMIT_EXCEEDED.equals(fault.code())) {
            return new CrmRateLimitedException(detail, null);
        }
        if (INVALID_SESSION_ID.equals(fault.code())) {
            return new CrmAuthException(detail);
        }
        if (status == 503 || SERVER_FAULTS.contains(fault.code())) {
            return new CrmUnavailableException(detail);
        }
        return new CrmRejectedException(detail, fault.code());
    }

    private static SalesforceWire.ApiError apiError(Response response) {
        try {
            List<SalesforceWire.ApiError> errors = response.hasEntity() ? response.readEntity(API_ERRORS) : null;
            return errors == null || errors.isEmpty() ? null : errors.get(0);
        } catch (RuntimeException e) {
            // Not Salesforce's JSON (a proxy's HTML page, say): the status alone decides.
            return null;
        }
    }

    private static Optional<String> readText(Response response) {
        try {
            return response.hasEntity() ? Optional.of(response.readEntity(String.class)) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }


    @PreDestroy
    void close() {
        apis.close();
    }

    @FunctionalInterface
    private interface Call {

        Response send(SalesforceApi api, String token);
    }

    @FunctionalInterface
    private interface Reader<T> {

        T read(Response response);
    }

    /** How a non-2xx answer is worded: REST error arrays or SOAP faults. */
    @FunctionalInterface
    private interface Failure {

        CrmCallException of(String endpoint, int status, Response response);
    }
}
