package io.crmsync.contract.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The one canonical order lifecycle every platform's statuses are mapped into. */
public enum OrderStatus {
    @JsonProperty("pending") PENDING,
    @JsonProperty("open") OPEN,
    @JsonProperty("paid") PAID,
    @JsonProperty("partially_fulfilled") PARTIALLY_FULFILLED,
    @JsonProperty("fulfilled") FULFILLED,
    @JsonProperty("partially_refunded") PARTIALLY_REFUNDED,
    @JsonProperty("refunded") REFUNDED,
    @JsonProperty("cancelled") CANCELLED,
    @JsonProperty("closed") CLOSED
}
