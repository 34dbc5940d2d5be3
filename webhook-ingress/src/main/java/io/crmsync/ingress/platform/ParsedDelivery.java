package io.crmsync.ingress.platform;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.contract.webhook.Delivery;

/**
 * A verified delivery, understood.
 *
 * @param topic      the platform's event name as it sent it ({@code orders/create}, {@code order.updated}, ...)
 * @param objectType canonical object type ({@code order | customer | product | refund | fulfillment})
 * @param objectId   the platform's id of that object
 * @param payload    the body as received
 */
public record ParsedDelivery(String topic, String objectType, String objectId, Delivery delivery, JsonNode payload) {
}
