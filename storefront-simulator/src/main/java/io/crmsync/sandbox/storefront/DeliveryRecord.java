package io.crmsync.sandbox.storefront;

import java.time.Instant;

/**
 * One webhook delivery attempt, as {@code GET /_sim/deliveries} lists it.
 *
 * @param deliveryId unique per attempt
 * @param eventId    the same for every attempt of one event
 * @param topic      the platform's topic or scope ({@code orders/create}, {@code order.updated}, {@code store/order/created})
 * @param status     HTTP status of webhook-ingress's answer, or -1 when no answer came (connection error, timeout)
 */
public record DeliveryRecord(String deliveryId, String eventId, String storeId, String platform, String topic,
                             String objectId, int attempt, int status, Instant at) {
}
