package io.crmsync.sourceapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.commons.tenant.Platform;
import io.crmsync.commons.tenant.Store;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * WooCommerce: {@code GET wp-json/wc/v3/{orders|customers|products}/{id}} with HTTP Basic
 * (consumer key and secret; WooCommerce requires HTTPS for it in production), the same resource its
 * webhooks carry.
 */
@ApplicationScoped
public class WooCommerceObjectReader implements SourceObjectReader {

    private static final Map<String, String> RESOURCES = Map.of("order", "orders", "customer", "customers", "product", "products");

    private final SourceCalls calls;

    public WooCommerceObjectReader(SourceCalls calls) {
        this.calls = calls;
    }

    @Override
    public Platform platform() {
        return Platform.WOOCOMMERCE;
    }

    @Override
    public Set<String> objectTypes() {
        return RESOURCES.keySet();
    }

    @Override
    public JsonNode read(Store store, String objectType, String objectId, JsonNode thinPayload) {
        String resource = RESOURCES.get(objectType);
        if (resource == null) {
            throw new SourceNotConfiguredException("no woocommerce fetch-back for object type " + objectType);
        }
        String key = AdminCredentials.require(store, "consumerKey");
        String secret = AdminCredentials.require(store, "consumerSecret");
        String basic = "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
        SourceCalls.Answer answer = calls.get(store, WooCommerceApi.class, "woocommerce " + objectType,
                api -> api.get(resource, objectId, basic));
        if (answer.body() == null || !answer.body().isObject()) {
            throw new SourceUnavailableException("store " + store.id() + " answered woocommerce " + objectType + " without a JSON object");
        }
        return answer.body();
    }
}
