package io.crmsync.sandbox.storefront.platform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmsync.commons.tenant.Platform;
import io.crmsync.commons.tenant.Store;
import io.crmsync.sandbox.storefront.ObjectType;
import io.crmsync.sandbox.storefront.StoredObject;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** How one platform stamps the objects it stores and sends and signs its webhooks. */
public interface PlatformDialect {

    Platform platform();

    /**
     * The object as the platform stores it after a change at {@code now}: its modified time in the
     * platform's own field(s), its created time kept or, when absent, set.
     *
     * @param previous the object as stored before, or {@code null} when the id is new
     */
    StoredObject stamp(ObjectType type, String id, ObjectNode body, Instant now, StoredObject previous);

    /** The webhook the platform sends for this change. */
    WebhookEvent event(String storeId, ObjectType type, StoredObject object, boolean created, Instant now);

    /**
     * Webhooks the platform sends after the object's own for parts of it that appeared in this
     * change (BigCommerce: a new shipment or refund of an order). None by default.
     *
     * @param previous the object before the change, or {@code null} when it is new
     */
    default List<WebhookEvent> followingEvents(String storeId, ObjectType type, StoredObject previous, StoredObject current,
                                               Instant now) {
        return List.of();
    }

    /** Headers of one delivery attempt, signed with the store's webhook secret. */
    Map<String, String> headers(Store store, WebhookEvent event, String deliveryId, Instant attemptAt);

    /** Whether the platform retries a delivery that failed (non-2xx or timeout). */
    boolean retriesFailedDeliveries();

    /**
     * Whether the simulator can send this platform's webhooks. Adobe Commerce's come signed by
     * Adobe I/O Events with Adobe's private key, which the simulator does not hold.
     */
    default boolean sendsWebhooks() {
        return true;
    }
}
