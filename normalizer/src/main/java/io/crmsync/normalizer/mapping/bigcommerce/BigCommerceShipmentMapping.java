package io.crmsync.normalizer.mapping.bigcommerce;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.contract.model.Fulfillment;
import io.crmsync.contract.model.FulfillmentLine;
import io.crmsync.contract.model.FulfillmentStatus;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.normalizer.mapping.MappingException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.crmsync.normalizer.mapping.JsonFields.id;
import static io.crmsync.normalizer.mapping.JsonFields.requiredQuantity;
import static io.crmsync.normalizer.mapping.JsonFields.requiredId;
import static io.crmsync.normalizer.mapping.JsonFields.text;

/**
 * A BigCommerce v2 shipment as a canonical {@link Fulfillment}. A shipment exists only once it was
 * sent, so its status is always {@code fulfilled} (BigCommerce has no shipment status word:
 * {@code sourceStatus} null). It has no modification date: {@code updatedAt} is
 * {@code date_created}.
 */
final class BigCommerceShipmentMapping {

    static final String OBJECT_TYPE = "fulfillment";

    Fulfillment map(String storeId, JsonNode shipment) {
        Instant created = BigCommerceDates.requiredRfc2822(shipment, "date_created");
        String trackingNumber = text(shipment, "tracking_number");
        String trackingLink = text(shipment, "tracking_link");
        return new Fulfillment(
                new SourceRef(BigCommerceCustomerMapping.PLATFORM, storeId, OBJECT_TYPE, requiredId(shipment, "id")),
                requiredId(shipment, "order_id"),
                FulfillmentStatus.FULFILLED,
                null,
                // tracking_carrier is the carrier code BigCommerce builds tracking links from; shipping_provider the module used.
                text(shipment, "tracking_carrier") != null ? text(shipment, "tracking_carrier") : text(shipment, "shipping_provider"),
                trackingNumber == null ? List.of() : List.of(trackingNumber),
                trackingLink == null ? List.of() : List.of(trackingLink),
                lines(shipment.get("items")),
                created,
                created,
                null);
    }

    /** {@code items[]}: the order line ({@code order_product_id}) and how many of it went in this parcel. */
    private static List<FulfillmentLine> lines(JsonNode items) {
        if (items == null || !items.isArray()) {
            throw new MappingException("required field 'items' is missing");
        }
        List<FulfillmentLine> lines = new ArrayList<>();
        items.forEach(item -> {
            int quantity = requiredQuantity(item, "quantity", "shipment item");
            lines.add(new FulfillmentLine(id(item, "order_product_id"), null, quantity));
        });
        return List.copyOf(lines);
    }
}
