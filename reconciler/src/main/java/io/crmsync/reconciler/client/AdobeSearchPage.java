package io.crmsync.reconciler.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One page of an Adobe Commerce search answer.
 *
 * @param totalCount matches across all pages: the only reliable end of the list (Commerce answers
 *                   the last page again for a {@code currentPage} past the end)
 */
public record AdobeSearchPage(List<JsonNode> items, int totalCount) {
}
