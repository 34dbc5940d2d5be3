package io.crmsync.sandbox.crm.rest;

import io.crmsync.sandbox.crm.service.AccountState;
import io.crmsync.sandbox.crm.service.Crm;
import io.crmsync.sandbox.crm.service.LimitDecision;
import io.crmsync.sandbox.crm.service.RequestRejected;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * HubSpot's error body {@code {"status":"error","message","correlationId","category",...}} and its
 * {@code X-HubSpot-RateLimit-*} headers.
 */
@ApplicationScoped
public class HubSpotDialect implements CrmDialect {

    public static final String RATE_LIMIT_MAX = "X-HubSpot-RateLimit-Max";
    public static final String RATE_LIMIT_REMAINING = "X-HubSpot-RateLimit-Remaining";
    public static final String RATE_LIMIT_INTERVAL = "X-HubSpot-RateLimit-Interval-Milliseconds";

    @Override
    public Crm crm() {
        return Crm.HUBSPOT;
    }

    @Override
    public Response missingAuthentication() {
        return error(401, "INVALID_AUTHENTICATION", "Authentication credentials not found. This API supports OAuth 2.0 "
                + "authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview",
                Map.of());
    }

    @Override
    public Response expiredAuthentication() {
        return error(401, "EXPIRED_AUTHENTICATION", "The OAuth token used to make this call expired 1 hour(s) ago.", Map.of());
    }

    @Override
    public Response outage() {
        return error(503, "SERVICE_UNAVAILABLE", "HubSpot is temporarily unavailable. Please retry later.", Map.of());
    }

    @Override
    public Response rateLimited(LimitDecision decision) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("errorType", "RATE_LIMIT");
        extra.put("policyName", "TEN_SECONDLY_ROLLING");
        Response response = error(429, "RATE_LIMITS", "You have reached your ten_secondly_rolling limit.", extra);
        return Response.fromResponse(response).header("Retry-After", decision.retryAfterSeconds()).build();
    }

    @Override
    public Response rejected(RequestRejected rejected) {
        Map<String, Object> extra = rejected.context().isEmpty() ? Map.of() : Map.of("context", rejected.context());
        return switch (rejected.kind()) {
            case NOT_FOUND -> error(404, "OBJECT_NOT_FOUND", rejected.getMessage(), extra);
            case VALIDATION -> error(400, "VALIDATION_ERROR", rejected.getMessage(), extra);
        };
    }

    @Override
    public Response internalError() {
        return error(500, "INTERNAL_ERROR", "internal error", Map.of());
    }

    @Override
    public Response withLimitHeaders(Response response, AccountState state, LimitDecision decision) {
        return Response.fromResponse(response)
                .header(RATE_LIMIT_MAX, decision.max())
                .header(RATE_LIMIT_REMAINING, decision.remaining())
                .header(RATE_LIMIT_INTERVAL, decision.intervalMillis())
                .build();
    }

    private static Response error(int status, String category, String message, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "error");
        body.put("message", message);
        body.put("correlationId", UUID.randomUUID().toString());
        body.put("category", category);
        body.putAll(extra);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
