package io.crmsync.contract.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The canonical fulfillment lifecycle. A platform whose shipments exist only once sent
 * (BigCommerce, Adobe Commerce) gives {@code fulfilled}.
 */
public enum FulfillmentStatus {
    @JsonProperty("pending") PENDING,
    @JsonProperty("open") OPEN,
    @JsonProperty("fulfilled") FULFILLED,
    @JsonProperty("cancelled") CANCELLED,
    @JsonProperty("failed") FAILED
}
