package io.crmsync.normalizer.mapping.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.contract.EventCodec;
import io.crmsync.contract.EventType;
import io.crmsync.contract.model.Fulfillment;
import io.crmsync.contract.model.FulfillmentLine;
import io.crmsync.contract.model.FulfillmentStatus;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.normalizer.mapping.MappingException;
import io.crmsync.testkit.SharedFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShopifyFulfillmentMappingTest {

    private static final EventCodec CODEC = new EventCodec();
    private final ShopifyFulfillmentMapping mapping = new ShopifyFulfillmentMapping();

    @Test
    void mapsTheRealShopifyFulfillment() {
        JsonNode payload = SharedFixtures.resources("shopify/rest_2024-04_fulfillment_find__test_5.json", "fulfillment").get(0);

        Fulfillment fulfillment = mapping.map("acme-shopify", payload);

        assertThat(fulfillment.source()).isEqualTo(new SourceRef("shopify", "acme-shopify", "fulfillment", "255858046"));
        assertThat(fulfillment.orderId()).isEqualTo("450789469");
        assertThat(fulfillment.status()).isEqualTo(FulfillmentStatus.FAILED);
        assertThat(fulfillment.sourceStatus()).isEqualTo("failure");
        assertThat(fulfillment.trackingCompany()).isEqualTo("USPS");
        assertThat(fulfillment.trackingNumbers()).containsExactly("1Z2345");
        assertThat(fulfillment.trackingUrls())
                .containsExactly("https://tools.usps.com/go/TrackConfirmAction_input?qtc_tLabels1=1Z2345");
        assertThat(fulfillment.lines()).containsExactly(new FulfillmentLine("466157049", "IPOD2008GREEN", 1));
        assertThat(fulfillment.updatedAt()).isEqualTo(Instant.parse("2024-04-02T13:59:11Z"));
        assertThat(CODEC.decode(EventType.FULFILLMENT_NORMALIZED, CODEC.encode(EventType.FULFILLMENT_NORMALIZED, fulfillment)))
                .isEqualTo(fulfillment);
    }

    @ParameterizedTest
    @CsvSource({"pending,PENDING", "open,OPEN", "success,FULFILLED", "cancelled,CANCELLED", "error,FAILED", "failure,FAILED"})
    void everyShopifyStatusHasItsCanonicalStatus(String word, FulfillmentStatus expected) {
        assertThat(ShopifyFulfillmentMapping.status(word)).isEqualTo(expected);
    }

    @Test
    void olderPayloadsWithSingleTrackingFieldsAndUnknownStatusWords() {
        Fulfillment fulfillment = mapping.map("acme-shopify", json("""
                {"id": 1, "order_id": 2, "status": "open", "updated_at": "2026-03-01T10:00:00Z",
                 "tracking_number": "JD0123", "tracking_url": "https://dhl.example/JD0123"}"""));
        assertThat(fulfillment.trackingNumbers()).isEqualTo(List.of("JD0123"));
        assertThat(fulfillment.trackingUrls()).isEqualTo(List.of("https://dhl.example/JD0123"));
        assertThat(fulfillment.lines()).isEmpty();

        assertThatThrownBy(() -> ShopifyFulfillmentMapping.status("shipped")).isInstanceOf(MappingException.class);
    }

    private static JsonNode json(String text) {
        return EventCodec.parse(text.getBytes(UTF_8));
    }
}
