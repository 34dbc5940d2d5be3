package io.crmsync.sandbox.storefront.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmsync.sandbox.storefront.service.SortOrder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Shopify's opaque {@code page_info} cursor: base64 of the list's filters and order, the direction,
 * and the position of the last (next) or first (previous) object of the page it came from.
 */
record ShopifyPageInfo(ShopifyListQuery query, boolean next, SortOrder.Position position) {

    String encode(ObjectMapper mapper) {
        ObjectNode json = query.toJson();
        json.put("last_id", position.id());
        json.put("last_value", position.value());
        json.put("direction", next ? "next" : "prev");
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mapper.writeValueAsBytes(json));
        } catch (IOException e) {
            throw new IllegalStateException("cursor cannot be serialised", e);
        }
    }

    /** Empty for anything that is not a cursor this simulator issued. */
    static Optional<ShopifyPageInfo> decode(ObjectMapper mapper, String token) {
        try {
            JsonNode json = mapper.readTree(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
            if (json == null || !json.hasNonNull("last_id") || !json.hasNonNull("direction")) {
                return Optional.empty();
            }
            return Optional.of(new ShopifyPageInfo(ShopifyListQuery.fromJson(json),
                    json.get("direction").asText().equals("next"),
                    new SortOrder.Position(json.path("last_value").asLong(), json.get("last_id").asText())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
