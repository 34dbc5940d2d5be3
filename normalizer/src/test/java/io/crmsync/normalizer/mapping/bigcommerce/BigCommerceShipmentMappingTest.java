package io.crmsync.normalizer.mapping.bigcommerce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmsync.contract.EventType;
import io.crmsync.contract.model.Fulfillment;
import io.crmsync.contract.model.FulfillmentLine;
import io.crmsync.contract.model.FulfillmentStatus;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.normalizer.mapping.MappingException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.crmsync.normalizer.mapping.bigcommerce.BigCommercePayloads.STORE;
import static io.crmsync.normalizer.mapping.bigcommerce.BigCommercePayloads.assertValidCanonical;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BigCommerceShipmentMappingTest {

    private final BigCommerceShipmentMapping mapping = new BigCommerceShipmentMapping();

    @Test
    void mapsAV2Shipment() {
        Fulfillment fulfillment = mapping.map(STORE, BigCommercePayloads.shipment());

        assertThat(fulfillment.source()).isEqualTo(new SourceRef("bigcommerce", STORE, "fulfillment", "5"));
        assertThat(fulfillment.orderId()).isEqualTo("250");
        assertThat(fulfillment.status()).isEqualTo(FulfillmentStatus.FULFILLED);
        assertThat(fulfillment.sourceStatus()).isNull();
        assertThat(fulfillment.trackingCompany()).isEqualTo("dhl");
        assertThat(fulfillment.trackingNumbers()).containsExactly("00340434161094042557");
        assertThat(fulfillment.trackingUrls()).containsExactly(
                "https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=00340434161094042557");
        assertThat(fulfillment.lines()).containsExactly(new FulfillmentLine("1001", null, 2));
        // RFC 2822 with a one-digit day and a +0100 offset, as a UTC instant; no modification date exists.
        assertThat(fulfillment.createdAt()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
        assertThat(fulfillment.updatedAt()).isEqualTo(fulfillment.createdAt());
        assertThat(fulfillment.sourceVersion()).isNull();

        assertValidCanonical(EventType.FULFILLMENT_NORMALIZED, fulfillment);
    }

    @Test
    void withoutACarrierCodeTheShippingProviderNamesTheCompany() {
        ObjectNode payload = BigCommercePayloads.shipment().put("tracking_carrier", "").put("shipping_provider", "shipperhq")
                .put("tracking_number", "").put("tracking_link", "");

        Fulfillment fulfillment = mapping.map(STORE, payload);

        assertThat(fulfillment.trackingCompany()).isEqualTo("shipperhq");
        assertThat(fulfillment.trackingNumbers()).isEmpty();
        assertThat(fulfillment.trackingUrls()).isEmpty();
        assertValidCanonical(EventType.FULFILLMENT_NORMALIZED, fulfillment);
    }

    @Test
    void missingDateCreatedIsAMappingError() {
        ObjectNode payload = BigCommercePayloads.shipment();
        payload.remove("date_created");

        assertThatThrownBy(() -> mapping.map(STORE, payload)).isInstanceOf(MappingException.class).hasMessageContaining("date_created");
    }

    @Test
    void missingOrderIdOrItemsIsAMappingError() {
        ObjectNode withoutOrder = BigCommercePayloads.shipment();
        withoutOrder.remove("order_id");
        ObjectNode withoutItems = BigCommercePayloads.shipment();
        withoutItems.remove(List.of("items"));

        assertThatThrownBy(() -> mapping.map(STORE, withoutOrder)).isInstanceOf(MappingException.class).hasMessageContaining("order_id");
        assertThatThrownBy(() -> mapping.map(STORE, withoutItems)).isInstanceOf(MappingException.class).hasMessageContaining("items");
    }
}
