package io.crmsync.normalizer.mapping.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.contract.webhook.WebhookReceived;
import io.crmsync.normalizer.mapping.MappingException;
import io.crmsync.normalizer.mapping.Normalized;
import io.crmsync.normalizer.mapping.PlatformMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Shopify: {@code orders/*}, {@code customers/create|update}, {@code products/create|update},
 * {@code refunds/create} and {@code fulfillments/create|update}, whose payload is the REST Admin
 * resource, unwrapped. Every other topic (deletions among them) is refused, so it lands in the
 * dead-letter topic instead of vanishing.
 */
@ApplicationScoped
public class ShopifyMapper implements PlatformMapper {

    /** Webhook topics whose body is an order resource; the reconciler uses them for polled orders too. */
    public static final Set<String> ORDER_TOPICS = Set.of("orders/create", "orders/updated", "orders/paid",
            "orders/cancelled", "orders/fulfilled", "orders/partially_fulfilled");
    /** Webhook topics whose body is a customer resource. */
    public static final Set<String> CUSTOMER_TOPICS = Set.of("customers/create", "customers/update");
    static final Set<String> PRODUCT_TOPICS = Set.of("products/create", "products/update");
    static final Set<String> REFUND_TOPICS = Set.of("refunds/create");
    static final Set<String> FULFILLMENT_TOPICS = Set.of("fulfillments/create", "fulfillments/update");

    private final ShopifyOrderMapping orders;
    private final ShopifyCustomerMapping customers;
    private final ShopifyProductMapping products = new ShopifyProductMapping();
    private final ShopifyRefundMapping refunds = new ShopifyRefundMapping();
    private final ShopifyFulfillmentMapping fulfillments = new ShopifyFulfillmentMapping();

    public ShopifyMapper() {
        ShopifyAddressMapping addresses = new ShopifyAddressMapping();
        this.customers = new ShopifyCustomerMapping(addresses, new ShopifyConsentMapping());
        this.orders = new ShopifyOrderMapping(addresses, customers);
    }

    @Override
    public String platform() {
        return ShopifyCustomerMapping.PLATFORM;
    }

    @Override
    public Normalized<?> map(WebhookReceived event) {
        JsonNode payload = event.payload();
        if (payload == null || !payload.isObject()) {
            throw new MappingException("shopify payload of " + event.topic() + " is not a JSON object");
        }
        if (ORDER_TOPICS.contains(event.topic())) {
            expectObjectType(event, ShopifyOrderMapping.OBJECT_TYPE);
            return Normalized.order(orders.map(event.storeId(), payload));
        }
        if (CUSTOMER_TOPICS.contains(event.topic())) {
            expectObjectType(event, ShopifyCustomerMapping.OBJECT_TYPE);
            return Normalized.customer(customers.fromCustomer(event.storeId(), payload));
        }
        if (PRODUCT_TOPICS.contains(event.topic())) {
            expectObjectType(event, ShopifyProductMapping.OBJECT_TYPE);
            return Normalized.product(products.map(event.storeId(), payload));
        }
        if (REFUND_TOPICS.contains(event.topic())) {
            expectObjectType(event, ShopifyRefundMapping.OBJECT_TYPE);
            return Normalized.refund(refunds.map(event.storeId(), payload));
        }
        if (FULFILLMENT_TOPICS.contains(event.topic())) {
            expectObjectType(event, ShopifyFulfillmentMapping.OBJECT_TYPE);
            return Normalized.fulfillment(fulfillments.map(event.storeId(), payload));
        }
        throw new MappingException("no shopify mapping for topic " + event.topic() + " (" + event.objectType() + ")");
    }

    private static void expectObjectType(WebhookReceived event, String objectType) {
        if (!objectType.equals(event.objectType())) {
            throw new MappingException("shopify topic " + event.topic() + " carries objectType " + event.objectType()
                    + ", expected " + objectType);
        }
    }
}
