package io.crmsync.sandbox.crm.rest;

import io.crmsync.sandbox.crm.service.AccountState;
import io.crmsync.sandbox.crm.service.Crm;
import io.crmsync.sandbox.crm.service.LimitDecision;
import io.crmsync.sandbox.crm.service.RequestRejected;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Salesforce's REST error body, a JSON array {@code [{"message","errorCode"}]}, and its
 * {@code Sforce-Limit-Info: api-usage=N/100000} header.
 */
@ApplicationScoped
public class SalesforceDialect implements CrmDialect {

    public static final String LIMIT_INFO = "Sforce-Limit-Info";

    @Override
    public Crm crm() {
        return Crm.SALESFORCE;
    }

    /** Salesforce does not tell a missing session from an expired one. */
    @Override
    public Response missingAuthentication() {
        return error(401, "INVALID_SESSION_ID", "Session expired or invalid");
    }

    @Override
    public Response expiredAuthentication() {
        return error(401, "INVALID_SESSION_ID", "Session expired or invalid");
    }

    @Override
    public Response outage() {
        return error(503, "SERVER_UNAVAILABLE", "Server temporarily unavailable. Please try again later.");
    }

    @Override
    public Response rateLimited(LimitDecision decision) {
        return error(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
    }

    @Override
    public Response rejected(RequestRejected rejected) {
        return switch (rejected.kind()) {
            case NOT_FOUND -> error(404, rejected.code(), rejected.getMessage());
            case VALIDATION -> error(400, rejected.code(), rejected.getMessage());
        };
    }

    @Override
    public Response internalError() {
        return error(500, "UNKNOWN_EXCEPTION", "An unexpected error occurred. Please include this ErrorId if you "
                + "contact support: " + UUID.randomUUID());
    }

    @Override
    public Response withLimitHeaders(Response response, AccountState state, LimitDecision decision) {
        return Response.fromResponse(response).header(LIMIT_INFO, limitInfo(state)).build();
    }

    /** {@code api-usage=N/100000}: the account's admitted calls against its daily allocation. */
    static String limitInfo(AccountState state) {
        return "api-usage=" + state.salesforceApiUsage() + "/" + AccountState.SALESFORCE_DAILY_API_LIMIT;
    }

    private static Response error(int status, String errorCode, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("errorCode", errorCode);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(List.of(error)).build();
    }
}
