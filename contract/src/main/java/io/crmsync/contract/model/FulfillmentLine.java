package io.crmsync.contract.model;

/** One order line (or part of it) in a fulfillment. */
public record FulfillmentLine(String sourceLineId, String sku, int quantity) {
}
