package io.crmsync.normalizer.mapping;

import io.crmsync.contract.EventCodec;
import io.crmsync.contract.EventType;
import io.crmsync.contract.model.Customer;
import io.crmsync.contract.model.Order;
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
