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

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What Adobe Commerce checks before a REST call, with its answers ({@code {"message", "parameters"}},
 * {@code %name} placeholders filled from {@code parameters} by the client): unknown store 404,
 * outage 503, missing or wrong {@code Authorization: Bearer <integration token>} 401 naming the ACL
 * resource, and 429 only when a rate-limit fault is set (Commerce core has no REST rate limit).
 */
@ApplicationScoped
public class AdobeCommerceApiGate {

    static final String BEARER = "Bearer ";

    private final StoreDirectory stores;
    private final FaultRegistry faults;
    private final ApiLimits limits;
    private final ObjectMapper mapper;

    public AdobeCommerceApiGate(StoreDirectory stores, FaultRegistry faults, ApiLimits limits, ObjectMapper mapper) {
        this.stores = stores;
        this.faults = faults;
        this.limits = limits;
        this.mapper = mapper;
    }

    /** @param aclResource the ACL resource the endpoint needs, named in Adobe's 401 */
    public void admit(String storeId, String authorization, String aclResource) {
        Store store = stores.find(storeId, Platform.ADOBE_COMMERCE).orElseThrow(() -> JsonResponses.reject(
                error(404, "Request does not match any route.", Map.of()).build()));
        faults.delayApiCall(storeId);
        if (faults.fault(storeId).mode() == FaultMode.API_OUTAGE) {
            throw JsonResponses.reject(error(503, "Service Unavailable", Map.of()).build());
        }
        String token = authorization != null && authorization.startsWith(BEARER) ? authorization.substring(BEARER.length()) : null;
        if (faults.fault(storeId).mode() == FaultMode.API_AUTH
                || !Credentials.matches(token, store.adminApiCredentials().get("accessToken"))) {
            throw JsonResponses.reject(error(401, "The consumer isn't authorized to access %resources.",
                    Map.of("resources", aclResource)).build());
        }
        FixedWindow.Decision quota = limits.adobeCommerce(storeId);
        if (!quota.admitted()) {
            throw JsonResponses.reject(error(429, "Too Many Requests", Map.of())
                    .header("Retry-After", Math.max(1, (quota.resetMs() + 999) / 1000)).build());
        }
    }

    Response.ResponseBuilder error(int status, String message, Map<String, Object> parameters) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        if (!parameters.isEmpty()) {
            body.put("parameters", parameters);
        }
        return JsonResponses.json(mapper, status, body);
    }
}
