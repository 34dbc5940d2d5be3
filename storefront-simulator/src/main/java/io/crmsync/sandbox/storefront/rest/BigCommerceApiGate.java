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
import java.util.List;
import java.util.Map;

/**
 * What BigCommerce checks before an API call, with its answers in the shape of the API version
 * called (v2: a list of {@code {status, message}}; v3: {@code {status, title, type, errors}}):
 * unknown store 404, unavailable store 503, missing or wrong {@code X-Auth-Token} 401, quota spent 429.
 * Every answer past the credential check carries the {@code X-Rate-Limit-*} headers.
 */
@ApplicationScoped
public class BigCommerceApiGate {

    static final String STATUS_CODES = "https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes";

    private final StoreDirectory stores;
    private final FaultRegistry faults;
    private final ApiLimits limits;
    private final ObjectMapper mapper;

    public BigCommerceApiGate(StoreDirectory stores, FaultRegistry faults, ApiLimits limits, ObjectMapper mapper) {
        this.stores = stores;
        this.faults = faults;
        this.limits = limits;
        this.mapper = mapper;
    }

    /** The rate-limit headers of an admitted call. */
    public record Admission(FixedWindow.Decision quota) {

        Response.ResponseBuilder decorate(Response.ResponseBuilder answer) {
            return answer.header("X-Rate-Limit-Requests-Left", quota.left())
                    .header("X-Rate-Limit-Requests-Quota", quota.quota())
                    .header("X-Rate-Limit-Time-Reset-Ms", quota.resetMs())
                    .header("X-Rate-Limit-Time-Window-Ms", quota.windowMs());
        }
    }

    public Admission admit(String storeId, String authToken, boolean v2) {
        Store store = stores.find(storeId, Platform.BIGCOMMERCE).orElseThrow(() -> JsonResponses.reject(
                error(v2, 404, "The requested resource was not found.").build()));
        faults.delayApiCall(storeId);
        if (faults.fault(storeId).mode() == FaultMode.API_OUTAGE) {
            throw JsonResponses.reject(error(v2, 503,
                    "The store is unavailable. This may be due to store suspension, a billing issue, or store maintenance.").build());
        }
        if (revoked(storeId) || !Credentials.matches(authToken, store.adminApiCredentials().get("accessToken"))) {
            throw JsonResponses.reject(error(v2, 401, "No valid credentials were found in this request").build());
        }
        Admission admission = new Admission(limits.bigCommerce(storeId));
        if (!admission.quota().admitted()) {
            throw JsonResponses.reject(admission.decorate(error(v2, 429, "Too many requests")).build());
        }
        return admission;
    }

    Response.ResponseBuilder error(boolean v2, int status, String message) {
        if (v2) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("status", status);
            item.put("message", message);
            return JsonResponses.json(mapper, status, List.of(item));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("title", message);
        body.put("type", STATUS_CODES);
        body.put("errors", Map.of());
        return JsonResponses.json(mapper, status, body);
    }

    private boolean revoked(String storeId) {
        return faults.fault(storeId).mode() == FaultMode.API_AUTH;
    }
}
