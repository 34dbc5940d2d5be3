package io.crmsync.reconciler.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One page of a Shopify list endpoint.
 *
 * @param items           the resources of the page, unchanged
 * @param nextPageInfo    cursor of the next page, empty on the last page
 * @param pauseBeforeNext how long to wait before asking for the next page, to keep headroom in the
 *                        store's call-limit bucket
 */
public record ShopifyPage(List<JsonNode> items, Optional<String> nextPageInfo, Duration pauseBeforeNext) {
}
