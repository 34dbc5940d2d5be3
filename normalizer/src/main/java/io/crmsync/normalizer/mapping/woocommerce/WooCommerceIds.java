package io.crmsync.normalizer.mapping.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;

import static io.crmsync.normalizer.mapping.JsonFields.id;

/** WooCommerce writes 0 for "no such object" in id fields ({@code variation_id}, {@code customer_id}, ...). */
final class WooCommerceIds {

    private WooCommerceIds() {
    }

    /** The id as text, or null when absent or 0. */
    static String nonZero(JsonNode parent, String field) {
        String id = id(parent, field);
        return id == null || "0".equals(id.trim()) ? null : id;
    }
}
