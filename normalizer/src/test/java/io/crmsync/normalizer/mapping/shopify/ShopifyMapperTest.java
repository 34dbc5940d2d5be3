package io.crmsync.normalizer.mapping.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.crmsync.contract.EventCodec;
import io.crmsync.contract.EventType;
import io.crmsync.contract.model.Customer;
import io.crmsync.contract.model.Order;
import io.crmsync.contract.webhook.Delivery;
import io.crmsync.contract.webhook.WebhookReceived;
import io.crmsync.normalizer.TestPayloads;
import io.crmsync.normalizer.mapping.MappingException;
import io.crmsync.normalizer.mapping.Normalized;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShopifyMapperTest {

    private final ShopifyMapper mapper = new ShopifyMapper();

    @ParameterizedTest
    @ValueSource(strings = {"orders/create", "orders/updated", "orders/paid", "orders/cancelled", "orders/fulfilled",
            "orders/partially_fulfilled"})
    void everyOrderTopicGivesAnOrder(String topic) {
        Normalized<?> normalized = mapper.map(event(topic, "order", TestPayloads.guestOrder()));

        assertThat(normalized.type()).isEqualTo(EventType.ORDER_NORMALIZED);
        assertThat(normalized.data()).isInstanceOf(Order.class);
        assertThat(normalized.kafkaKey("acme")).isEqualTo("acme/order/5800000001");
        assertThat(normalized.subject()).isEqualTo("order/5800000001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"customers/create", "customers/update"})
    void everyCustomerTopicGivesACustomer(String topic) {
        Normalized<?> normalized = mapper.map(event(topic, "customer", TestPayloads.frenchCustomer()));

        assertThat(normalized.type()).isEqualTo(EventType.CUSTOMER_NORMALIZED);
        assertThat(normalized.data()).isInstanceOf(Customer.class);
        assertThat(normalized.kafkaKey("acme")).isEqualTo("acme/customer/6200000001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders/delete", "customers/delete", "products/delete", "app/uninstalled"})
    void topicsWithoutMappingAreRefused(String topic) {
        assertThatThrownBy(() -> mapper.map(event(topic, "order", TestPayloads.guestOrder())))
                .isInstanceOf(MappingException.class).hasMessageContaining(topic);
    }

    @Test
    void productRefundAndFulfillmentTopicsGiveTheirEntities() {
        JsonNode product = EventCodec.parse("""
                {"id": 1, "title": "Tee", "updated_at": "2026-03-01T10:00:00+01:00",
                 "variants": [{"id": 11, "title": "Default Title", "sku": "TEE", "price": "20.00"}]}""".getBytes(UTF_8));
        JsonNode refund = EventCodec.parse("""
                {"id": 2, "order_id": 5800000001, "created_at": "2026-03-01T10:00:00Z", "refund_line_items": [],
                 "transactions": []}""".getBytes(UTF_8));
        JsonNode fulfillment = EventCodec.parse("""
                {"id": 3, "order_id": 5800000001, "status": "success", "updated_at": "2026-03-01T10:00:00Z"}""".getBytes(UTF_8));

        assertThat(mapper.map(event("products/update", "product", product)).type()).isEqualTo(EventType.PRODUCT_NORMALIZED);
        assertThat(mapper.map(event("refunds/create", "refund", refund)).kafkaKey("acme")).isEqualTo("acme/refund/2");
        assertThat(mapper.map(event("fulfillments/update", "fulfillment", fulfillment)).type())
                .isEqualTo(EventType.FULFILLMENT_NORMALIZED);
    }

    @Test
    void objectTypeMustMatchTheTopic() {
        assertThatThrownBy(() -> mapper.map(event("orders/create", "customer", TestPayloads.guestOrder())))
                .isInstanceOf(MappingException.class).hasMessageContaining("objectType customer");
    }

    @Test
    void payloadMustBeAnObject() {
        JsonNode array = JsonNodeFactory.instance.arrayNode().add(TestPayloads.guestOrder());

        assertThatThrownBy(() -> mapper.map(event("orders/create", "order", array))).isInstanceOf(MappingException.class);
    }

    private static WebhookReceived event(String topic, String objectType, JsonNode payload) {
        return new WebhookReceived("shopify", "acme-shopify", topic, objectType, "1",
                new Delivery("d-1", true, null), Instant.parse("2026-03-01T09:16:03Z"), payload);
    }
}
