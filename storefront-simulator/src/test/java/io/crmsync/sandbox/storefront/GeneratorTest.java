package io.crmsync.sandbox.storefront;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static io.crmsync.sandbox.storefront.SimTestSupport.OTHER_SHOPIFY;
import static io.crmsync.sandbox.storefront.SimTestSupport.SHOPIFY;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(ReceiverTestResource.class)
class GeneratorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HISTORY = "2025-10-01T00:00:00Z";

    @BeforeEach
    void reset() {
        SimTestSupport.reset();
    }

    private static JsonPath generate(String store, int orders, long seed, boolean notify) {
        return given().contentType(ContentType.JSON)
                .body("{\"orders\":" + orders + ",\"seed\":" + seed + ",\"notify\":" + notify
                        + ",\"createdBefore\":\"" + HISTORY + "\"}")
                .post("/_sim/stores/{s}/generate", store)
                .then().statusCode(200).extract().jsonPath();
    }

    private static ObjectNode stored(String store, String type, String id) throws Exception {
        return (ObjectNode) JSON.readTree(given().get("/_sim/stores/{s}/{t}/{id}", store, type, id)
                .then().statusCode(200).extract().asString());
    }

    @Test
    void sameSeedMakesTheSameOrders() throws Exception {
        JsonPath a = generate(SHOPIFY, 20, 42, false);
        JsonPath b = generate(OTHER_SHOPIFY, 20, 42, false);

        assertThat(a.getList("orders")).hasSize(20).isEqualTo(b.getList("orders"));
        assertThat(a.getList("customers")).isEqualTo(b.getList("customers"));
        for (String id : a.getList("orders", String.class)) {
            // updated_at is the time of storing, the one thing that is not the seed's
            JsonNode a1 = stored(SHOPIFY, "orders", id).without("updated_at");
            JsonNode b1 = stored(OTHER_SHOPIFY, "orders", id).without("updated_at");
            assertThat(a1).isEqualTo(b1);
        }
        assertThat(generate(OTHER_SHOPIFY, 20, 43, false).getList("orders")).doesNotContainAnyElementsOf(a.getList("orders"));
    }

    @Test
    void ordersAreRealisticAndAddUp() throws Exception {
        JsonPath generated = generate(SHOPIFY, 30, 7, false);
        List<String> orderIds = generated.getList("orders", String.class);
        assertThat(generated.getList("customers")).as("some buyers come back").hasSizeLessThan(orderIds.size());

        List<JsonNode> orders = new ArrayList<>();
        for (String id : orderIds) {
            orders.add(stored(SHOPIFY, "orders", id));
        }
        assertThat(orders).anySatisfy(o -> assertThat(o.at("/billing_address/name").asText()).matches(".*[^\\x00-\\x7F].*"));
        assertThat(orders).extracting(o -> o.get("email").asText())
                .anySatisfy(email -> assertThat(email).isNotEqualTo(email.trim()))
                .anySatisfy(email -> assertThat(email.trim()).isNotEqualTo(email.trim().toLowerCase()));
        assertThat(orders).extracting(o -> o.at("/billing_address/phone").asText())
                .anySatisfy(phone -> assertThat(phone).matches("[(0-9][0-9 ()-]+"));
        assertThat(orders).extracting(o -> o.at("/billing_address/country_code").asText()).hasSizeGreaterThan(1);
        for (JsonNode o : orders) {
            assertThat(o.get("line_items").size()).isBetween(1, 3);
            assertThat(o.get("shipping_address").isObject()).isTrue();
            assertThat(OffsetDateTime.parse(o.get("created_at").asText()).toInstant()).isBefore(Instant.parse(HISTORY));
            BigDecimal lines = BigDecimal.ZERO;
            for (JsonNode line : o.get("line_items")) {
                lines = lines.add(new BigDecimal(line.get("price").asText()).multiply(new BigDecimal(line.get("quantity").asText())));
            }
            assertThat(new BigDecimal(o.get("total_line_items_price").asText())).isEqualByComparingTo(lines);
            BigDecimal total = new BigDecimal(o.get("subtotal_price").asText())
                    .add(new BigDecimal(o.at("/shipping_lines/0/price").asText()))
                    .add(new BigDecimal(o.get("total_tax").asText()));
            assertThat(o.get("total_price").asText()).matches("\\d+\\.\\d{2}");
            assertThat(new BigDecimal(o.get("total_price").asText())).isEqualByComparingTo(total);
        }
    }

    @Test
    void generatedOrdersArriveAsWebhooksCustomerFirst() {
        JsonPath generated = generate(SHOPIFY, 3, 99, true);

        List<WebhookReceiver.Request> webhooks = WebhookReceiver.get().requests();
        assertThat(webhooks).hasSize(6);
        assertThat(webhooks).extracting(r -> r.header("X-Shopify-Topic"))
                .filteredOn(t -> t.startsWith("orders/")).containsOnly("orders/create").hasSize(3);
        assertThat(webhooks.get(0).header("X-Shopify-Topic")).isEqualTo("customers/create");
        assertThat(generated.getInt("deliveries.delivered")).isEqualTo(6);
    }
}
