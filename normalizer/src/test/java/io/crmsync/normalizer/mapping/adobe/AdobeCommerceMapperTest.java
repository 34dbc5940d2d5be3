package io.crmsync.normalizer.mapping.adobe;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmsync.contract.EventType;
import io.crmsync.contract.model.Customer;
import io.crmsync.contract.model.Fulfillment;
import io.crmsync.contract.model.Order;
import io.crmsync.contract.model.Refund;
import io.crmsync.contract.webhook.WebhookReceived;
import io.crmsync.normalizer.mapping.MappingException;
import io.crmsync.normalizer.mapping.Normalized;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdobeCommerceMapperTest {

    private static final String PREFIX = "com.adobe.commerce.";

    private final AdobeCommerceMapper mapper = new AdobeCommerceMapper();

    @Test
    void isTheAdobeCommercePlatform() {
        assertThat(mapper.platform()).isEqualTo("adobe-commerce");
    }

    @ParameterizedTest
    @ValueSource(strings = {"observer.sales_order_save_after", "observer.sales_order_place_after",
            "observer.sales_order_save_commit_after"})
    void orderEventsGiveAnOrder(String name) {
        Normalized<?> normalized = mapper.map(AdobePayloads.received(retype(AdobePayloads.order(), name), "order"));

        assertThat(normalized.type()).isEqualTo(EventType.ORDER_NORMALIZED);
        assertThat(normalized.data()).isInstanceOf(Order.class);
        assertThat(normalized.kafkaKey("acme")).isEqualTo("acme/order/42");
    }

    @ParameterizedTest
    @ValueSource(strings = {"observer.customer_save_after", "observer.customer_register_success",
            "observer.customer_save_commit_after"})
    void customerEventsGiveACustomer(String name) {
        Normalized<?> normalized = mapper.map(AdobePayloads.received(retype(AdobePayloads.customer(), name), "customer"));

        assertThat(normalized.type()).isEqualTo(EventType.CUSTOMER_NORMALIZED);
        assertThat(normalized.data()).isInstanceOf(Customer.class);
        assertThat(normalized.kafkaKey("acme")).isEqualTo("acme/customer/77");
    }

    @Test
    void creditMemoAndShipmentEventsGiveRefundAndFulfillment() {
        Normalized<?> refund = mapper.map(AdobePayloads.received(AdobePayloads.creditMemo(), "refund"));
        Normalized<?> fulfillment = mapper.map(AdobePayloads.received(AdobePayloads.shipment(), "fulfillment"));

        assertThat(refund.type()).isEqualTo(EventType.REFUND_NORMALIZED);
        assertThat(refund.data()).isInstanceOf(Refund.class);
        assertThat(refund.kafkaKey("acme")).isEqualTo("acme/refund/9");
        assertThat(fulfillment.type()).isEqualTo(EventType.FULFILLMENT_NORMALIZED);
        assertThat(fulfillment.data()).isInstanceOf(Fulfillment.class);
        assertThat(fulfillment.kafkaKey("acme")).isEqualTo("acme/fulfillment/15");
    }

    @ParameterizedTest
    @ValueSource(strings = {"observer.customer_delete_after", "observer.customer_delete_commit_after",
            "observer.sales_order_delete_after", "observer.catalog_product_delete_after_done",
            "observer.sales_order_shipment_delete_after"})
    void deletionsAreRefused(String name) {
        assertThatThrownBy(() -> mapper.map(AdobePayloads.received(retype(AdobePayloads.order(), name), "order")))
                .isInstanceOf(MappingException.class).hasMessageContaining("deletions are not synced");
    }

    @ParameterizedTest
    @ValueSource(strings = {"observer.customer_address_save_after", "observer.sales_order_item_save_after",
            "observer.sales_order_address_save_after", "observer.sales_order_payment_save_after",
            "observer.sales_order_shipment_track_save_after", "observer.catalog_product_import_bunch_save_after",
            "observer.catalog_product_attribute_update_before"})
    void eventsOfAnEntitysPartsAreRefused(String name) {
        assertThatThrownBy(() -> mapper.map(AdobePayloads.received(retype(AdobePayloads.order(), name), "order")))
                .isInstanceOf(MappingException.class).hasMessageContaining("concerns a part of the");
    }

    @ParameterizedTest
    @ValueSource(strings = {"observer.checkout_cart_save_after", "plugin.magento.sales.api.order_management.place",
            "observer.catalog_category_save_after"})
    void eventsWithoutMappingAreRefused(String name) {
        assertThatThrownBy(() -> mapper.map(AdobePayloads.received(retype(AdobePayloads.order(), name), "order")))
                .isInstanceOf(MappingException.class).hasMessageContaining("no adobe-commerce mapping for event " + name);
    }

    @Test
    void objectTypeMustMatchTheEvent() {
        assertThatThrownBy(() -> mapper.map(AdobePayloads.received(AdobePayloads.order(), "customer")))
                .isInstanceOf(MappingException.class).hasMessageContaining("objectType customer");
    }

    @Test
    void typeOutsideAdobeCommerceIsRefused() {
        ObjectNode envelope = AdobePayloads.order().put("type", "com.example.order.saved");

        assertThatThrownBy(() -> mapper.map(AdobePayloads.received(envelope, "order")))
                .isInstanceOf(MappingException.class).hasMessageContaining("com.adobe.commerce");
    }

    @Test
    void envelopeWithoutDataValueIsRefused() {
        ObjectNode envelope = AdobePayloads.order();
        envelope.remove("data");

        assertThatThrownBy(() -> mapper.map(AdobePayloads.received(envelope, "order")))
                .isInstanceOf(MappingException.class).hasMessageContaining("data.value");
    }

    @Test
    void payloadMustBeAnObject() {
        ObjectNode envelope = AdobePayloads.order();
        var received = AdobePayloads.received(envelope, "order");
        var array = new WebhookReceived(received.platform(), received.storeId(), received.topic(),
                received.objectType(), received.objectId(), received.delivery(), received.receivedAt(),
                JsonNodeFactory.instance.arrayNode().add(envelope));

        assertThatThrownBy(() -> mapper.map(array)).isInstanceOf(MappingException.class).hasMessageContaining("not a JSON object");
    }

    private static ObjectNode retype(ObjectNode envelope, String name) {
        return envelope.put("type", PREFIX + name);
    }
}
