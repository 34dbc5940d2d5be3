package io.crmsync.reconciler.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Optional;

/**
 * The source's modification time of an object as a platform writes it in the object's JSON — the
 * version the normalizer maps to {@code updatedAt} and the crm-writer reports back as
 * {@code sourceUpdatedAt}. Reads each platform's date format with the pollers' own parsers.
 */
public final class SourceVersions {

    private SourceVersions() {
    }

    /**
     * @param platform the platform's wire name
     * @param object   the object (a webhook body, a listed or a read object; for Adobe Commerce the
     *                 I/O Events envelope or the REST object)
     * @return empty when the JSON does not say (a BigCommerce webhook carries only the id)
     */
    public static Optional<Instant> modifiedAt(String platform, JsonNode object) {
        if (object == null || !object.isObject()) {
            return Optional.empty();
        }
        return switch (platform == null ? "" : platform) {
            case "shopify" -> ListedObjects.ISO_OFFSET.apply(object.path("updated_at").asText(""));
            case "woocommerce" -> ListedObjects.WOO_GMT.apply(object.path("date_modified_gmt").asText(""));
            case "bigcommerce" -> {
                String text = object.path("date_modified").asText("");
                Optional<Instant> v3 = ListedObjects.ISO_OFFSET.apply(text);
                yield v3.isPresent() ? v3 : ListedObjects.RFC_2822.apply(text);
            }
            case "adobe-commerce" -> AdobeCommerceEvents.instant(
                    (object.has("data") ? object.path("data").path("value") : object).path("updated_at").asText(""));
            default -> Optional.empty();
        };
    }
}
