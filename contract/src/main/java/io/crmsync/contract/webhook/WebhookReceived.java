package io.crmsync.contract.webhook;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * A storefront's object as it arrived (webhook) or was read (poll, backfill), unmapped.
 *
 * @param topic      the platform's event name, e.g. {@code orders/create}
 * @param objectType canonical object type: {@code order | customer | product | refund | fulfillment}
 * @param payload    the platform's JSON, exactly as received
 */
public record WebhookReceived(
        String platform,
        String storeId,
        String topic,
        String objectType,
        String objectId,
        Delivery delivery,
        Instant receivedAt,
        JsonNode payload) {
}
