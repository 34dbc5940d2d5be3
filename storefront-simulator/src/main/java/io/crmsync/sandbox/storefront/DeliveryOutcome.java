package io.crmsync.sandbox.storefront;

/**
 * What became of a change's webhook, as the seeding call answers it.
 *
 * @param result    {@code delivered} (2xx), {@code retrying} (failed, the platform will retry),
 *                  {@code failed} (failed, no retry), {@code dropped} (lost by the drop-webhooks
 *                  fault, never sent), {@code held} (by the reorder-webhooks fault, sent later in a batch)
 *                  or {@code not-sent} ({@code ?notify=false})
 * @param status    HTTP status of the first attempt, -1 when it got no answer, null when not sent
 * @param deliveryId the first attempt's id, null when not sent
 */
public record DeliveryOutcome(String result, String eventId, String topic, Integer status, String deliveryId) {

    public static DeliveryOutcome notSent() {
        return new DeliveryOutcome("not-sent", null, null, null, null);
    }
}
