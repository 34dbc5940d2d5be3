package io.crmsync.normalizer.mapping.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.contract.webhook.WebhookReceived;
import io.crmsync.normalizer.mapping.MappingException;
import io.crmsync.normalizer.mapping.Normalized;
import io.crmsync.normalizer.mapping.PlatformMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * WooCommerce: topics {@code <resource>.<event>} whose body is the REST API v3 resource.
 * Orders, customers and products from their webhooks; refunds, which WooCommerce never sends as a
 * webhook, from the reconciler under {@code order_refund.created}. A deletion's body is only
 * {@code {"id": N}}: deletions are not synced, so they are refused (dead letter, visible and
 * replayable) like every other topic without a mapping.
 */
@ApplicationScoped
public class WooCommerceMapper implements PlatformMapper {

    /** Topics whose body is an order resource; the reconciler uses {@code order.updated} for polled orders. */
    public static final Set<String> ORDER_TOPICS = Set.of("order.created", "order.updated", "order.restored");
    /** Topics whose body is a customer resource. */
    public static final Set<String> CUSTOMER_TOPICS = Set.of("customer.created", "customer.updated");
    /** Topics whose body is a product resource. */
    public static final Set<String> PRODUCT_TOPICS = Set.of("product.created", "product.updated", "product.restored");
    /** The reconciler's topic for a refund read from {@code /orders/{id}/refunds} (WooCommerce sends none). */
    public static final String REFUND_TOPIC = "order_refund.created";

    private final WooCommerceOrderMapping orders;
    private final WooCommerceCustomerMapping customers;
    private final WooCommerceProductMapping products = new WooCommerceProductMapping();
    private final WooCommerceRefundMapping refunds = new WooCommerceRefundMapping();

    public WooCommerceMapper() {
        WooCommerceAddressMapping addresses = new WooCommerceAddressMapping();
        this.customers = new WooCommerceCustomerMapping(addresses);
        this.orders = new WooCommerceOrderMapping(addresses, customers);
    }

    @Override
    public String platform() {
        return WooCommerceCustomerMapping.PLATFORM;
    }

    @Override
    public Normalized<?> map(WebhookReceived event) {
        String topic = event.topic();
        if (topic != null && topic.endsWith(".deleted")) {
            throw new MappingException("woocommerce " + topic + ": deletions are not synced");
        }
        JsonNode payload = event.payload();
        if (payload == null || !payload.isObject()) {
            throw new MappingException("woocommerce payload of " + topic + " is not a JSON object");
        }
        if (ORDER_TOPICS.contains(topic)) {
            expectObjectType(event, WooCommerceOrderMapping.OBJECT_TYPE);
            return Normalized.order(orders.map(event.storeId(), payload));
        }
        if (CUSTOMER_TOPICS.contains(topic)) {
            expectObjectType(event, WooCommerceCustomerMapping.OBJECT_TYPE);
            return Normalized.customer(customers.fromCustomer(event.storeId(), payload));
        }
        if (PRODUCT_TOPICS.contains(topic)) {
            expectObjectType(event, WooCommerceProductMapping.OBJECT_TYPE);
            return Normalized.product(products.map(event.storeId(), payload));
        }
        if (REFUND_TOPIC.equals(topic)) {
            expectObjectType(event, WooCommerceRefundMapping.OBJECT_TYPE);
            return Normalized.refund(refunds.map(event.storeId(), payload));
        }
        throw new MappingException("no woocommerce mapping for topic " + topic + " (" + event.objectType() + ")");
    }

    private static void expectObjectType(WebhookReceived event, String objectType) {
        if (!objectType.equals(event.objectType())) {
            throw new MappingException("woocommerce topic " + event.topic() + " carries objectType " + event.objectType()
                    + ", expected " + objectType);
        }
    }
}
