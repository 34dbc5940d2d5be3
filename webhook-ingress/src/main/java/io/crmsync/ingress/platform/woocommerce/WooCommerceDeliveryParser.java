package io.crmsync.ingress.platform.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.commons.tenant.Platform;
import io.crmsync.contract.webhook.Delivery;
import io.crmsync.ingress.platform.BodyHash;
import io.crmsync.ingress.platform.DeliveryParser;
import io.crmsync.ingress.platform.JsonBodies;
import io.crmsync.ingress.platform.MalformedDeliveryException;
import io.crmsync.ingress.platform.ParsedDelivery;
import io.crmsync.ingress.platform.WebhookRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * WooCommerce deliveries: the topic header is {@code <resource>.<event>}, the body is the REST
 * API v3 resource. WooCommerce sends no stable delivery id, so a body hash stands in for one.
 */
@ApplicationScoped
public class WooCommerceDeliveryParser implements DeliveryParser {

    /** WooCommerce resources this pipeline handles, by canonical object type. */
    static final Map<String, String> OBJECT_TYPES = Map.of(
            "order", "order",
            "customer", "customer",
            "product", "product");

    /** The ping WooCommerce posts when a webhook is created or re-activated: form-encoded, unsigned. */
    private static final Pattern PING = Pattern.compile("webhook_id=\\d+");

    @Override
    public Platform platform() {
        return Platform.WOOCOMMERCE;
    }

    @Override
    public boolean isHandshake(WebhookRequest request) {
        return request.headers().first(WooCommerceHeaders.SIGNATURE).isEmpty()
                && request.body().length < 64
                && PING.matcher(new String(request.body(), StandardCharsets.US_ASCII).strip()).matches();
    }

    @Override
    public ParsedDelivery parse(WebhookRequest request) {
        String topic = request.headers().first(WooCommerceHeaders.TOPIC).orElseThrow(() ->
                new MalformedDeliveryException(MalformedDeliveryException.Reason.UNKNOWN_TOPIC, "no topic header"));
        int dot = topic.indexOf('.');
        String objectType = dot > 0 && dot < topic.length() - 1 ? OBJECT_TYPES.get(topic.substring(0, dot)) : null;
        if (objectType == null) {
            throw new MalformedDeliveryException(MalformedDeliveryException.Reason.UNKNOWN_TOPIC, "unsupported topic " + topic);
        }
        JsonNode body = JsonBodies.object(request.body());
        String objectId = JsonBodies.requireId(body.get("id"), "id");
        return new ParsedDelivery(topic, objectType, objectId, new Delivery(BodyHash.of(request.body()), false, null), body);
    }
}
