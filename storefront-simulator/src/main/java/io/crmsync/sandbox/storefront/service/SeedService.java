package io.crmsync.sandbox.storefront.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmsync.commons.tenant.Store;
import io.crmsync.sandbox.storefront.DeliveryOutcome;
import io.crmsync.sandbox.storefront.InvalidRequestException;
import io.crmsync.sandbox.storefront.ObjectType;
import io.crmsync.sandbox.storefront.StoredObject;
import io.crmsync.sandbox.storefront.platform.PlatformDialect;
import io.crmsync.sandbox.storefront.platform.PlatformDialects;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * A change in a simulated store: the object is stored as the platform would (its modified time
 * stamped) and, unless the caller says otherwise, the platform's webhook for it is delivered.
 * A change stored without its webhook is one the platform never sent: the reconciler must find it.
 */
@ApplicationScoped
public class SeedService {

    private final StoreDirectory stores;
    private final ObjectStore objects;
    private final PlatformDialects dialects;
    private final WebhookDeliveryService deliveries;

    public SeedService(StoreDirectory stores, ObjectStore objects, PlatformDialects dialects,
                       WebhookDeliveryService deliveries) {
        this.stores = stores;
        this.objects = objects;
        this.dialects = dialects;
        this.deliveries = deliveries;
    }

    /** The stored object, whether it was new, and what became of its webhook (the object's own, not those of its parts). */
    public record Seeded(Store store, StoredObject object, boolean created, DeliveryOutcome delivery) {
    }

    public Seeded seed(String storeId, ObjectType type, String id, JsonNode json, boolean notify) {
        Store store = stores.require(storeId);
        PlatformDialect dialect = dialects.of(store.platform());
        if (notify && !dialect.sendsWebhooks()) {
            // Refused before storing: a half-done seeding (stored, no webhook) would look like success.
            throw new InvalidRequestException("the simulator cannot send " + store.platform().wire()
                    + " webhooks (Adobe I/O Events signs them with Adobe's private key); seed with ?notify=false");
        }
        ObjectNode body = withId(id, json);
        Instant now = Instant.now();
        StoredObject[] before = new StoredObject[1];
        ObjectStore.Write write = objects.write(storeId, type, id, previous -> {
            before[0] = previous;
            return dialect.stamp(type, id, body.deepCopy(), now, previous);
        });
        DeliveryOutcome delivery = DeliveryOutcome.notSent();
        if (notify) {
            delivery = deliveries.deliver(store, dialect.event(storeId, type, write.object(), write.created(), now));
            // Parts that appeared with this change (a shipment, a refund) are announced after their object.
            dialect.followingEvents(storeId, type, before[0], write.object(), now).forEach(event -> deliveries.deliver(store, event));
        }
        return new Seeded(store, write.object(), write.created(), delivery);
    }

    /** The path names the object; a body that names another one is a mistake, not an intent. */
    private static ObjectNode withId(String id, JsonNode json) {
        if (!(json instanceof ObjectNode body)) {
            throw new InvalidRequestException("the body must be the platform's JSON object");
        }
        if (!StoredObject.isDigits(id)) {
            throw new InvalidRequestException("ids of the simulated platforms are numeric: " + id);
        }
        JsonNode given = body.get("id");
        if (given != null && !given.isNull() && !given.asText().equals(id)) {
            throw new InvalidRequestException("the body's id " + given.asText() + " differs from the path's " + id);
        }
        // id first, as the platforms print it
        ObjectNode copy = body.objectNode();
        copy.put("id", Long.parseLong(id));
        copy.setAll(body.deepCopy());
        copy.put("id", Long.parseLong(id));
        return copy;
    }
}
