package io.crmsync.sandbox.storefront.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmsync.commons.tenant.Platform;
import io.crmsync.commons.tenant.Store;
import io.crmsync.sandbox.storefront.FaultMode;
import io.crmsync.sandbox.storefront.service.ApiLimits;
import io.crmsync.sandbox.storefront.service.FaultRegistry;
import io.crmsync.sandbox.storefront.service.FixedWindow;
import io.crmsync.sandbox.storefront.service.StoreDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a WooCommerce site checks before a REST call, with its answers: unknown route 404,
 * maintenance 503, consumer key/secret (HTTP Basic, or query parameters) 401, and a 429 only when a
 * rate-limit fault is set (WooCommerce core has no REST rate limit).
 */
@ApplicationScoped
public class WooCommerceApiGate {

    private static final String MAINTENANCE_PAGE = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>Maintenance</title></head>\
            <body><h1>Briefly unavailable for scheduled maintenance. Check back in a minute.</h1></body></html>""";

    private final StoreDirectory stores;
    private final FaultRegistry faults;
    private final ApiLimits limits;
    private final ObjectMapper mapper;

    public WooCommerceApiGate(StoreDirectory stores, FaultRegistry faults, ApiLimits limits, ObjectMapper mapper) {
        this.stores = stores;
        this.faults = faults;
        this.limits = limits;
        this.mapper = mapper;
    }

    /**
     * @param listing whether the call lists (the 401 message differs from a single read)
     * @throws jakarta.ws.rs.WebApplicationException with WooCommerce's error answer
     */
    public void admit(String storeId, String authorization, String queryKey, String querySecret, boolean listing) {
        Store store = stores.find(storeId, Platform.WOOCOMMERCE).orElseThrow(() -> JsonResponses.reject(
                error(404, "rest_no_route", "No route was found matching the URL and request method.").build()));
        faults.delayApiCall(storeId);
        if (faults.fault(storeId).mode() == FaultMode.API_OUTAGE) {
            throw JsonResponses.reject(Response.status(503).type("text/html; charset=utf-8")
                    .header("Retry-After", "600").entity(MAINTENANCE_PAGE).build());
        }
        String[] keyAndSecret = basic(authorization);
        String key = keyAndSecret != null ? keyAndSecret[0] : queryKey;
        String secret = keyAndSecret != null ? keyAndSecret[1] : querySecret;
        if (key == null || secret == null) {
            throw JsonResponses.reject(error(401, "woocommerce_rest_cannot_view",
                    listing ? "Sorry, you cannot list resources." : "Sorry, you cannot view this resource.").build());
        }
        if (revoked(storeId) || !Credentials.matches(key, store.adminApiCredentials().get("consumerKey"))) {
            throw JsonResponses.reject(error(401, "woocommerce_rest_authentication_error", "Consumer key is invalid.").build());
        }
        if (!Credentials.matches(secret, store.adminApiCredentials().get("consumerSecret"))) {
            throw JsonResponses.reject(error(401, "woocommerce_rest_authentication_error", "Consumer secret is invalid.").build());
        }
        FixedWindow.Decision decision = limits.wooCommerce(storeId);
        if (!decision.admitted()) {
            long retryAfter = Math.max(1, (decision.resetMs() + 999) / 1000);
            throw JsonResponses.reject(error(429, "rate_limit_exceeded", "Too many requests. Please wait and try again.")
                    .header("RateLimit-Limit", decision.quota())
                    .header("RateLimit-Remaining", 0)
                    .header("RateLimit-Reset", Instant.now().getEpochSecond() + retryAfter)
                    .header("RateLimit-Retry-After", retryAfter)
                    .build());
        }
    }

    /** WordPress's REST error shape: {@code {"code", "message", "data": {"status"}}}. */
    Response.ResponseBuilder error(int status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        body.put("data", Map.of("status", status));
        return JsonResponses.json(mapper, status, body);
    }

    Response.ResponseBuilder invalidParameter(String name, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", "rest_invalid_param");
        body.put("message", "Invalid parameter(s): " + name);
        body.put("data", Map.of("status", 400, "params", Map.of(name, reason)));
        return JsonResponses.json(mapper, 400, body);
    }

    private static String[] basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[]{decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private boolean revoked(String storeId) {
        return faults.fault(storeId).mode() == FaultMode.API_AUTH;
    }
}
