package io.crmsync.sandbox.storefront.platform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmsync.commons.tenant.Platform;
import io.crmsync.commons.tenant.Store;
import io.crmsync.sandbox.storefront.InvalidRequestException;
import io.crmsync.sandbox.storefront.ObjectType;
import io.crmsync.sandbox.storefront.StoredObject;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Map;

/**
 * Adobe Commerce (Magento 2): {@code updated_at}/{@code created_at} written {@code 2026-03-01 10:15:30}
 * in UTC; orders are known by {@code entity_id}, customers and products by {@code id}. Its webhooks
 * are Adobe I/O Events signed with Adobe's private key, which the simulator cannot produce: seeding
 * an Adobe store works only with {@code ?notify=false}.
 */
@ApplicationScoped
public class AdobeCommerceDialect implements PlatformDialect {

    @Override
    public Platform platform() {
        return Platform.ADOBE_COMMERCE;
    }

    /** The field that holds an object's id in Adobe's REST answers. */
    public static String idField(ObjectType type) {
        return type == ObjectType.ORDERS ? "entity_id" : "id";
    }

    @Override
    public StoredObject stamp(ObjectType type, String id, ObjectNode body, Instant now, StoredObject previous) {
        ObjectNode stamped = body.objectNode();
        // An order has no "id" in Adobe's sales API: the seeding call's id becomes its entity_id, printed first.
        stamped.put(idField(type), Long.parseLong(id));
        body.remove("id");
        body.remove("entity_id");
        stamped.setAll(body);
        String stamp = TimeFormats.adobe(now);
        if (!stamped.hasNonNull("created_at")) {
            stamped.put("created_at", previous != null && previous.body().hasNonNull("created_at")
                    ? previous.body().get("created_at").asText() : stamp);
        }
        stamped.put("updated_at", stamp);
        Instant createdAt = TimeFormats.parseAdobe(stamped.get("created_at").asText())
                .orElseThrow(() -> new InvalidRequestException("created_at is not a time: " + stamped.get("created_at").asText()));
        return new StoredObject(id, stamped, createdAt, TimeFormats.seconds(now), Map.of());
    }

    @Override
    public boolean sendsWebhooks() {
        return false;
    }

    @Override
    public WebhookEvent event(String storeId, ObjectType type, StoredObject object, boolean created, Instant now) {
        throw new InvalidRequestException("the simulator cannot sign Adobe I/O Events");
    }

    @Override
    public Map<String, String> headers(Store store, WebhookEvent event, String deliveryId, Instant attemptAt) {
        throw new InvalidRequestException("the simulator cannot sign Adobe I/O Events");
    }

    @Override
    public boolean retriesFailedDeliveries() {
        return true;
    }
}
