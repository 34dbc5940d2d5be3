package io.crmsync.normalizer.mapping.adobe;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.contract.model.Fulfillment;
import io.crmsync.contract.model.FulfillmentLine;
import io.crmsync.contract.model.FulfillmentStatus;
import io.crmsync.contract.model.SourceRef;

import java.util.List;
import java.util.Objects;

import static io.crmsync.normalizer.mapping.JsonFields.id;
import static io.crmsync.normalizer.mapping.JsonFields.requiredId;
import static io.crmsync.normalizer.mapping.JsonFields.text;

/**
 * The shipment model of {@code observer.sales_order_shipment_*} events as a canonical
 * {@link Fulfillment}. A Commerce shipment exists only once goods were shipped, so its status is
 * {@code fulfilled}. Tracks carry a number and a carrier ({@code title}, else {@code carrier_code})
 * but no URL, so {@code trackingUrls} is empty.
 */
final class AdobeFulfillmentMapping {

    static final String OBJECT_TYPE = "fulfillment";

    Fulfillment map(String storeId, AdobeEvent event) {
        JsonNode shipment = event.value();
        List<JsonNode> tracks = AdobeValues.objects(shipment, "tracks");
        List<FulfillmentLine> lines = AdobeValues.objects(shipment, "items").stream()
                .filter(item -> !AdobeValues.isChildItem(item))
                .map(item -> new FulfillmentLine(id(item, "order_item_id"), text(item, "sku"),
                        AdobeValues.requiredQuantity(item, "qty")))
                .toList();
        return new Fulfillment(
                new SourceRef(AdobeCommerceMapper.PLATFORM, storeId, OBJECT_TYPE, AdobeValues.requiredId(shipment, "entity_id", "id")),
                requiredId(shipment, "order_id"),
                FulfillmentStatus.FULFILLED,
                text(shipment, "shipment_status"),
                tracks.stream().map(AdobeFulfillmentMapping::carrier).filter(Objects::nonNull).findFirst().orElse(null),
                tracks.stream().map(track -> text(track, "track_number")).filter(Objects::nonNull).toList(),
                List.of(),
                lines,
                AdobeValues.instant(shipment, "created_at"),
                AdobeValues.updatedAt(shipment, event),
                null);
    }

    private static String carrier(JsonNode track) {
        String title = text(track, "title");
        return title != null ? title : text(track, "carrier_code");
    }
}
