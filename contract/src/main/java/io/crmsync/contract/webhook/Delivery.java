package io.crmsync.contract.webhook;

import java.time.Instant;

/**
 * The platform's identity of one delivery.
 *
 * @param id          Shopify {@code X-Shopify-Event-Id}, BigCommerce {@code webhook-id}, Adobe event id;
 *                    for WooCommerce (no stable id) a hash of the body, with {@code stable=false}
 * @param stable      whether the platform repeats the same id when it redelivers
 * @param triggeredAt when the platform says the event happened, if it says
 */
public record Delivery(String id, boolean stable, Instant triggeredAt) {
}
