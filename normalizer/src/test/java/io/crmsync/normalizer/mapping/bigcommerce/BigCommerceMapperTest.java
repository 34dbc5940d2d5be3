package io.crmsync.normalizer.mapping.bigcommerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmsync.contract.EventType;
import io.crmsync.contract.model.Order;
import io.crmsync.contract.webhook.Delivery;
import io.crmsync.contract.webhook.WebhookReceived;
import io.crmsync.normalizer.mapping.MappingException;
import io.crmsync.normalizer.mapping.Normalized;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static io.crmsync.normalizer.mapping.bigcommerce.BigCommercePayloads.STORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BigCommerceMapperTest {

    private final BigCommerceMapper mapper = new BigCommerceMapper();

    @Test
    void wireNameIsBigcommerce() {
        assertThat(mapper.platform()).isEqualTo("bigcommerce");
    }

    @ParameterizedTest
    @ValueSource(strings = {"store/order/created", "store/order/updated", "store/order/statusUpdated", "store/order/archived",
            "store/order/refund/created"})
    void everyOrderScopeGivesTheFetchedOrder(String scope) {
        Normalized<?> normalized = mapper.map(event(scope, "order", "250", BigCommercePayloads.b2bOrder()));

        assertThat(normalized.type()).isEqualTo(EventType.ORDER_NORMALIZED);
        assertThat(((Order) normalized.data()).orderNumber()).isEqualTo("250");
        assertThat(normalized.kafkaKey("globex")).isEqualTo("globex/order/250");
    }

    @ParameterizedTest
    @ValueSource(strings = {"store/customer/created", "store/customer/updated"})
    void customerScopesGiveACustomer(String scope) {
        Normalized<?> normalized = mapper.map(event(scope, "customer", "42", BigCommercePayloads.customer()));

        assertThat(normalized.type()).isEqualTo(EventType.CUSTOMER_NORMALIZED);
        assertThat(normalized.subject()).isEqualTo("customer/42");
    }

    @ParameterizedTest
    @ValueSource(strings = {"store/product/created", "store/product/updated"})
    void productScopesGiveAProduct(String scope) {
        Normalized<?> normalized = mapper.map(event(scope, "product", "111", BigCommercePayloads.product()));

        assertThat(normalized.type()).isEqualTo(EventType.PRODUCT_NORMALIZED);
        assertThat(normalized.subject()).isEqualTo("product/111");
    }

    @ParameterizedTest
    @ValueSource(strings = {"store/shipment/created", "store/shipment/updated"})
    void shipmentScopesGiveAFulfillment(String scope) {
        Normalized<?> normalized = mapper.map(event(scope, "fulfillment", "5", BigCommercePayloads.shipment()));

        assertThat(normalized.type()).isEqualTo(EventType.FULFILLMENT_NORMALIZED);
        assertThat(normalized.subject()).isEqualTo("fulfillment/5");
    }

    @Test
    void polledRefundGivesARefund() {
        Normalized<?> normalized = mapper.map(event("store/order/refund/created", "refund", "9", BigCommercePayloads.refund()));

        assertThat(normalized.type()).isEqualTo(EventType.REFUND_NORMALIZED);
        assertThat(normalized.subject()).isEqualTo("refund/9");
    }

    @ParameterizedTest
    @ValueSource(strings = {"store/order/deleted", "store/customer/deleted", "store/product/deleted", "store/shipment/deleted"})
    void deletionsAreRefused(String scope) {
        assertThatThrownBy(() -> mapper.map(event(scope, "order", "250", thin(scope))))
                .isInstanceOf(MappingException.class)
                .hasMessage("bigcommerce " + scope + ": deletions are not synced");
    }

    @Test
    void thinPayloadMeansFetchBackDidNotRun() {
        assertThatThrownBy(() -> mapper.map(event("store/order/updated", "order", "250", thin("store/order/updated"))))
                .isInstanceOf(MappingException.class)
                .hasMessage("bigcommerce payload is a thin webhook; fetch-back did not run");
    }

    @Test
    void objectTypeMustBelongToTheScope() {
        assertThatThrownBy(() -> mapper.map(event("store/customer/updated", "order", "250", BigCommercePayloads.b2bOrder())))
                .isInstanceOf(MappingException.class).hasMessageContaining("store/customer/updated").hasMessageContaining("objectType order");
        // A refund object only comes with a refund scope.
        assertThatThrownBy(() -> mapper.map(event("store/order/updated", "refund", "9", BigCommercePayloads.refund())))
                .isInstanceOf(MappingException.class).hasMessageContaining("store/order/refund/");
    }

    @Test
    void objectTypesWithoutMappingAreRefused() {
        assertThatThrownBy(() -> mapper.map(event("store/cart/created", "cart", "1", BigCommercePayloads.b2bOrder())))
                .isInstanceOf(MappingException.class).hasMessageContaining("objectType cart");
    }

    @Test
    void payloadMustBeAnObject() {
        JsonNode array = JsonNodeFactory.instance.arrayNode().add(BigCommercePayloads.b2bOrder());

        assertThatThrownBy(() -> mapper.map(event("store/order/updated", "order", "250", array)))
                .isInstanceOf(MappingException.class).hasMessageContaining("not a JSON object");
    }

    /** The webhook body as BigCommerce sends it. */
    private static ObjectNode thin(String scope) {
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("created_at", 1772356562).put("store_id", "1025646").put("producer", "stores/abc123")
                .put("scope", scope).put("hash", "3f9ea420af83450d7ef9f78b08c8af25b2213637");
        body.putObject("data").put("type", scope.split("/")[1]).put("id", 250);
        return body;
    }

    private static WebhookReceived event(String scope, String objectType, String objectId, JsonNode payload) {
        return new WebhookReceived("bigcommerce", STORE, scope, objectType, objectId,
                new Delivery("wh-1", true, null), Instant.parse("2026-03-01T09:16:03Z"), payload);
    }
}
