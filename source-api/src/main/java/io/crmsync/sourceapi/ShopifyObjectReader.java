package io.crmsync.sourceapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.commons.tenant.Platform;
import io.crmsync.commons.tenant.Store;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Set;

/**
 * Shopify: {@code GET admin/api/{version}/{orders|customers|products}/{id}.json}, unwrapped
 * ({@code {"order": {...}}} → the order), which is the resource its webhooks carry.
 */
@ApplicationScoped
public class ShopifyObjectReader implements SourceObjectReader {

    private static final Map<String, String> RESOURCES = Map.of("order", "orders", "customer", "customers", "product", "products");
    private static final String TOKEN = "accessToken";

    private final SourceCalls calls;
    private final String apiVersion;

    public ShopifyObjectReader(SourceCalls calls, SourceApiConfig config) {
        this.calls = calls;
        this.apiVersion = config.shopify().apiVersion();
    }

    @Override
    public Platform platform() {
        return Platform.SHOPIFY;
    }

    @Override
    public Set<String> objectTypes() {
        return RESOURCES.keySet();
    }

    @Override
    public JsonNode read(Store store, String objectType, String objectId, JsonNode thinPayload) {
        String resource = RESOURCES.get(objectType);
        if (resource == null) {
            throw new SourceNotConfiguredException("no shopify fetch-back for object type " + objectType);
        }
        String token = AdminCredentials.require(store, TOKEN);
        SourceCalls.Answer answer = calls.get(store, ShopifyAdminApi.class, "shopify " + objectType,
                api -> api.get(apiVersion, resource, objectId, token));
        JsonNode object = answer.body() == null ? null : answer.body().get(objectType);
        if (object == null || !object.isObject()) {
            throw new SourceUnavailableException("store " + store.id() + " answered shopify " + objectType + " without '" + objectType + "'");
        }
        return object;
    }
}
