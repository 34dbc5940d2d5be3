package io.crmsync.normalizer.mapping;

import io.crmsync.contract.EventCodec;
import io.crmsync.contract.EventType;
import io.crmsync.contract.model.Customer;
import io.crmsync.contract.model.Fulfillment;
import io.crmsync.contract.model.Order;
import io.crmsync.contract.model.Product;
import io.crmsync.contract.model.Refund;
import io.crmsync.contract.model.SourceRef;

/**
 * One canonical entity ready to publish: its event type, its data and where it lives in the
 * storefront.
 */
public record Normalized<T>(EventType<T> type, T data, SourceRef source) {

    public static Normalized<Order> order(Order order) {
        return new Normalized<>(EventType.ORDER_NORMALIZED, order, order.source());
    }

    public static Normalized<Customer> customer(Customer customer) {
        return new Normalized<>(EventType.CUSTOMER_NORMALIZED, customer, customer.source());
    }

    public static Normalized<Product> product(Product product) {
        return new Normalized<>(EventType.PRODUCT_NORMALIZED, product, product.source());
    }

    public static Normalized<Refund> refund(Refund refund) {
        return new Normalized<>(EventType.REFUND_NORMALIZED, refund, refund.source());
    }

    public static Normalized<Fulfillment> fulfillment(Fulfillment fulfillment) {
        return new Normalized<>(EventType.FULFILLMENT_NORMALIZED, fulfillment, fulfillment.source());
    }

    /** JSON validated against the type's schema; a violation is a mapping bug, never sent. */
    public byte[] encode(EventCodec codec) {
        return codec.encode(type, data);
    }

    /** Kafka key of {@code commerce.entity.normalized.v1}: {@code tenant/objectType/sourceObjectId}. */
    public String kafkaKey(String tenant) {
        return tenant + "/" + subject();
    }

    /** CloudEvents subject: {@code objectType/sourceObjectId}, within the store named by the source. */
    public String subject() {
        return source.objectType() + "/" + source.objectId();
    }
}
