package io.crmsync.sandbox.storefront.generator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A generated order and its customer in one platform's own JSON, with that platform's ids. */
public record ShapedOrder(String orderId, ObjectNode order, String customerId, ObjectNode customer) {
}
