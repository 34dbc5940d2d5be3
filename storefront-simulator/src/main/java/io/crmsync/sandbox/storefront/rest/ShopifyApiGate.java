package io.crmsync.sandbox.storefront.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmsync.commons.tenant.Platform;
import io.crmsync.commons.tenant.Store;
import io.crmsync.sandbox.storefront.FaultMode;
import io.crmsync.sandbox.storefront.service.ApiLimits;
import io.crmsync.sandbox.storefront.service.FaultRegistry;
import io.crmsync.sandbox.storefront.service.LeakyBucket;
import io.crmsync.sandbox.storefront.service.StoreDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.util.Locale;
import java.util.Map;

/**
 * What Shopify checks before an admin API call, in its order, with its answers: unknown shop 404,
 * outage 503, missing or wrong {@code X-Shopify-Access-Token} 401, full leaky bucket 429.
 */
@ApplicationScoped
public class ShopifyApiGate {

    static final String CALL_LIMIT = "X-Shopify-Shop-Api-Call-Limit";
    static final String NOT_FOUND = "Not Found";

    private final StoreDirectory stores;
    private final FaultRegistry faults;
    private final ApiLimits limits;
    private final ObjectMapper mapper;

    public ShopifyApiGate(StoreDirectory stores, FaultRegistry faults, ApiLimits limits, ObjectMapper mapper) {
        this.stores = stores;
        this.faults = faults;
        this.limits = limits;
        this.mapper = mapper;
    }

    /** @return the call-limit header to put on the answer; throws with Shopify's error answer otherwise */
    public String admit(String storeId, String accessToken) {
        Store store = stores.find(storeId, Platform.SHOPIFY)
                .orElseThrow(() -> JsonResponses.reject(error(404, NOT_FOUND).build()));
        faults.delayApiCall(storeId);
        if (faults.fault(storeId).mode() == FaultMode.API_OUTAGE) {
            throw JsonResponses.reject(error(503, "Service Unavailable").build());
        }
        if (revoked(storeId) || !Credentials.matches(accessToken, store.adminApiCredentials().get("accessToken"))) {
            throw JsonResponses.reject(error(401,
                    "[API] Invalid API key or access token (unrecognized login or wrong password)").build());
        }
        LeakyBucket.Decision decision = limits.shopify(storeId);
        String callLimit = decision.level() + "/" + decision.capacity();
        if (!decision.admitted()) {
            String perSecond = formatRate(limits.shopifyLeak(storeId));
            throw JsonResponses.reject(error(429, "Exceeded " + perSecond
                    + " calls per second for api client. Reduce request rates to resume uninterrupted service.")
                    .header(CALL_LIMIT, callLimit)
                    .header("Retry-After", "2.0")
                    .build());
        }
        return callLimit;
    }

    Response.ResponseBuilder error(int status, String message) {
        return JsonResponses.json(mapper, status, Map.of("errors", message));
    }

    private static String formatRate(double perSecond) {
        return perSecond == Math.rint(perSecond) ? String.valueOf((long) perSecond) : String.format(Locale.ROOT, "%.2f", perSecond);
    }

    private boolean revoked(String storeId) {
        return faults.fault(storeId).mode() == FaultMode.API_AUTH;
    }
}
