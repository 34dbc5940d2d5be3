package io.crmsync.normalizer.mapping.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.crmsync.contract.EventType;
import io.crmsync.contract.model.Customer;
import io.crmsync.contract.model.Order;
import io.crmsync.contract.model.Product;
import io.crmsync.contract.model.Refund;
import io.crmsync.contract.webhook.Delivery;
import io.crmsync.contract.webhook.WebhookReceived;
import io.crmsync.normalizer.mapping.MappingException;
import io.crmsync.normalizer.mapping.Normalized;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static io.crmsync.normalizer.mapping.woocommerce.WooCommercePayloads.ours;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WooCommerceMapperTest {

    private final WooCommerceMapper mapper = new WooCommerceMapper();

    @Test
    void platformIsTheRegistryWireName() {
        assertThat(mapper.platform()).isEqualTo("woocommerce");
    }

    @ParameterizedTest
    @ValueSource(strings = {"order.created", "order.updated", "order.restored"})
    void everyOrderTopicGivesAnOrder(String topic) {
        Normalized<?> normalized = mapper.map(event(topic, "order", ours("order-guest-de.json")));

        assertThat(normalized.type()).isEqualTo(EventType.ORDER_NORMALIZED);
        assertThat(normalized.data()).isInstanceOf(Order.class);
        assertThat(normalized.kafkaKey("acme")).isEqualTo("acme/order/5001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"customer.created", "customer.updated"})
    void everyCustomerTopicGivesACustomer(String topic) {
        Normalized<?> normalized = mapper.map(event(topic, "customer", ours("customer-de.json")));

        assertThat(normalized.type()).isEqualTo(EventType.CUSTOMER_NORMALIZED);
        assertThat(normalized.data()).isInstanceOf(Customer.class);
        assertThat(normalized.kafkaKey("acme")).isEqualTo("acme/customer/314");
    }

    @ParameterizedTest
    @ValueSource(strings = {"product.created", "product.updated", "product.restored"})
    void everyProductTopicGivesAProduct(String topic) {
        Normalized<?> normalized = mapper.map(event(topic, "product", ours("product-variable.json")));

        assertThat(normalized.type()).isEqualTo(EventType.PRODUCT_NORMALIZED);
        assertThat(normalized.data()).isInstanceOf(Product.class);
        assertThat(normalized.kafkaKey("acme")).isEqualTo("acme/product/101");
    }

    @Test
    void theReconcilersRefundTopicGivesARefund() {
        Normalized<?> normalized = mapper.map(event("order_refund.created", "refund", ours("refund-with-lines.json")));

        assertThat(normalized.type()).isEqualTo(EventType.REFUND_NORMALIZED);
        assertThat(normalized.data()).isInstanceOf(Refund.class);
        assertThat(normalized.kafkaKey("acme")).isEqualTo("acme/refund/9310");
    }

    @ParameterizedTest
    @ValueSource(strings = {"order.deleted", "customer.deleted", "product.deleted"})
    void deletionsAreRefusedVisibly(String topic) {
        JsonNode body = JsonNodeFactory.instance.objectNode().put("id", 727);
        String objectType = topic.substring(0, topic.indexOf('.'));

        assertThatThrownBy(() -> mapper.map(event(topic, objectType, body)))
                .isInstanceOf(MappingException.class)
                .hasMessage("woocommerce " + topic + ": deletions are not synced");
    }

    @ParameterizedTest
    @ValueSource(strings = {"coupon.created", "order.paid", "orders/create", "action.woocommerce_order_status_changed"})
    void unknownTopicsAreRefused(String topic) {
        assertThatThrownBy(() -> mapper.map(event(topic, "order", ours("order-guest-de.json"))))
                .isInstanceOf(MappingException.class).hasMessageContaining("no woocommerce mapping for topic " + topic);
    }

    @Test
    void objectTypeMustMatchTheTopic() {
        assertThatThrownBy(() -> mapper.map(event("order.updated", "customer", ours("order-guest-de.json"))))
                .isInstanceOf(MappingException.class).hasMessageContaining("objectType customer");
    }

    @Test
    void payloadMustBeAnObject() {
        JsonNode array = JsonNodeFactory.instance.arrayNode().add(ours("order-guest-de.json"));

        assertThatThrownBy(() -> mapper.map(event("order.updated", "order", array)))
                .isInstanceOf(MappingException.class).hasMessageContaining("not a JSON object");
    }

    private static WebhookReceived event(String topic, String objectType, JsonNode payload) {
        return new WebhookReceived("woocommerce", WooCommercePayloads.STORE, topic, objectType, "1",
                new Delivery("d-1", false, null), Instant.parse("2026-03-01T09:16:03Z"), payload);
    }
}
