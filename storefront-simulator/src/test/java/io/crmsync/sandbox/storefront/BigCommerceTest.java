package io.crmsync.sandbox.storefront;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static io.crmsync.sandbox.storefront.SimTestSupport.BC;
import static io.crmsync.sandbox.storefront.SimTestSupport.BC_SECRET;
import static io.crmsync.sandbox.storefront.SimTestSupport.BC_TOKEN;
import static io.crmsync.sandbox.storefront.SimTestSupport.BC_WHSEC;
import static io.crmsync.sandbox.storefront.SimTestSupport.BC_WHSEC_SECRET;
import static io.crmsync.sandbox.storefront.SimTestSupport.fault;
import static io.crmsync.sandbox.storefront.SimTestSupport.hmacBase64;
import static io.crmsync.sandbox.storefront.SimTestSupport.seed;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

@QuarkusTest
@WithTestResource(ReceiverTestResource.class)
class BigCommerceTest {

    @BeforeEach
    void reset() {
        SimTestSupport.reset();
    }

    private static RequestSpecification api() {
        return given().header("X-Auth-Token", BC_TOKEN);
    }

    private static String expectedSignature(byte[] key, WebhookReceiver.Request webhook) throws Exception {
        byte[] prefix = (webhook.header("webhook-id") + "." + webhook.header("webhook-timestamp") + ".").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[prefix.length + webhook.body().length];
        System.arraycopy(prefix, 0, content, 0, prefix.length);
        System.arraycopy(webhook.body(), 0, content, prefix.length, webhook.body().length);
        return "v1," + hmacBase64(key, content);
    }

    @Test
    void thinWebhookSignedWithStandardWebhooks() throws Exception {
        long before = Instant.now().getEpochSecond();
        seed(BC, "orders", 123, "{\"status_id\":11}").then().statusCode(201)
                .body("object.date_modified", matchesPattern("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} \\+0000"));

        WebhookReceiver.Request webhook = WebhookReceiver.get().requests().get(0);
        assertThat(webhook.path()).isEqualTo("/webhooks/bigcommerce/" + BC);
        JsonPath body = new JsonPath(webhook.bodyText());
        assertThat(body.getString("scope")).isEqualTo("store/order/created");
        assertThat(body.getString("producer")).isEqualTo("stores/" + BC);
        assertThat(body.getString("store_id")).matches("\\d+");
        assertThat(body.getString("data.type")).isEqualTo("order");
        assertThat(body.getLong("data.id")).isEqualTo(123L);
        assertThat(body.getString("hash")).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                .digest("{\"type\":\"order\",\"id\":123}".getBytes(StandardCharsets.UTF_8))));
        assertThat(Long.parseLong(webhook.header("webhook-timestamp"))).isBetween(before, Instant.now().getEpochSecond());
        assertThat(webhook.header("webhook-signature"))
                .isEqualTo(expectedSignature(BC_SECRET.getBytes(StandardCharsets.UTF_8), webhook));
    }

    @Test
    void whsecSecretIsBase64DecodedAndRetriesKeepTheMessageId() throws Exception {
        WebhookReceiver.get().answerNext(503);
        seed(BC_WHSEC, "customers", 9, "{\"email\":\"x@example.com\"}").then().statusCode(201)
                .body("object.date_modified", matchesPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"));

        await().atMost(Duration.ofSeconds(5)).until(() -> WebhookReceiver.get().requests().size() == 2);
        List<WebhookReceiver.Request> attempts = WebhookReceiver.get().requests();
        assertThat(attempts).extracting(r -> r.header("webhook-id")).containsOnly(attempts.get(0).header("webhook-id"));
        byte[] key = Base64.getDecoder().decode(BC_WHSEC_SECRET.substring("whsec_".length()));
        for (WebhookReceiver.Request attempt : attempts) {
            assertThat(attempt.header("webhook-signature")).isEqualTo(expectedSignature(key, attempt));
        }
        assertThat(new JsonPath(attempts.get(0).bodyText()).getString("scope")).isEqualTo("store/customer/created");
    }

    @Test
    void v2OrdersPaginateAndServeSubResources() {
        given().contentType(ContentType.JSON).body("{\"orders\":3,\"seed\":11,\"notify\":false}")
                .post("/_sim/stores/{s}/generate", BC).then().statusCode(200);

        List<Integer> ids = api().queryParam("limit", 2).queryParam("sort", "date_modified:asc").get("/{s}/v2/orders", BC)
                .then().statusCode(200)
                .header("X-Rate-Limit-Requests-Quota", "150")
                .header("X-Rate-Limit-Time-Window-Ms", "30000")
                .extract().jsonPath().getList("id");
        assertThat(ids).hasSize(2);
        api().queryParam("limit", 2).queryParam("page", 2).get("/{s}/v2/orders", BC).then().statusCode(200).body("size()", equalTo(1));
        api().queryParam("limit", 2).queryParam("page", 3).get("/{s}/v2/orders", BC).then().statusCode(204);
        api().queryParam("min_date_modified", "Tue, 01 Jan 2999 00:00:00 +0000").get("/{s}/v2/orders", BC).then().statusCode(204);

        api().get("/{s}/v2/orders/{id}", BC, ids.get(0)).then().statusCode(200)
                .body("products.resource", equalTo("/orders/" + ids.get(0) + "/products"));
        api().get("/{s}/v2/orders/{id}/products", BC, ids.get(0)).then().statusCode(200)
                .body("[0].order_id", equalTo(ids.get(0)));
        api().get("/{s}/v2/orders/999999999", BC).then().statusCode(404)
                .body("[0].message", equalTo("The requested resource was not found."));
    }

    @Test
    void v3CustomersEnvelopeAndAuthAndQuota() {
        seed(BC, "customers", 1, "{\"email\":\"a@example.com\"}", false);
        seed(BC, "customers", 2, "{\"email\":\"b@example.com\"}", false);
        seed(BC, "customers", 3, "{\"email\":\"c@example.com\"}", false);

        api().queryParam("id:in", "1,3").get("/{s}/v3/customers", BC).then().statusCode(200)
                .body("data.id", equalTo(List.of(1, 3)))
                .body("meta.pagination.total", equalTo(2))
                .body("meta.pagination.current_page", equalTo(1));
        api().queryParam("limit", 2).queryParam("page", 2).get("/{s}/v3/customers", BC).then()
                .body("data.id", equalTo(List.of(3)))
                .body("meta.pagination.total_pages", equalTo(2))
                .body("meta.pagination.links.previous", equalTo("?page=1&limit=2"));

        given().get("/{s}/v3/customers", BC).then().statusCode(401);
        fault("{\"storeId\":\"" + BC + "\",\"mode\":\"api-rate-limit\",\"requests\":2,\"perSeconds\":30}");
        api().get("/{s}/v3/customers", BC).then().statusCode(200).header("X-Rate-Limit-Requests-Left", "1");
        api().get("/{s}/v3/customers", BC).then().statusCode(200).header("X-Rate-Limit-Requests-Left", "0");
        api().get("/{s}/v3/customers", BC).then().statusCode(429)
                .header("X-Rate-Limit-Requests-Left", "0")
                .header("X-Rate-Limit-Time-Window-Ms", "30000")
                .header("X-Rate-Limit-Time-Reset-Ms", matchesPattern("\\d+"));
    }
    @Test
    void shipmentsAndRefundsOfASeededOrderAreSubResourcesAnnouncedByTheirOwnWebhooks() {
        seed(BC, "orders", 250, "{\"status_id\":2,"
                + "\"shipments\":[{\"id\":12,\"tracking_number\":\"1Z999\",\"items\":[{\"order_product_id\":7,\"quantity\":1}]}],"
                + "\"refunds\":[{\"id\":3,\"reason\":\"Beschädigt\",\"total_amount\":5.50}]}").then().statusCode(201);

        api().get("/{s}/v2/orders/{id}/shipments", BC, 250).then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].id", equalTo(12));
        api().get("/{s}/v2/orders/{id}/shipments/{sid}", BC, 250, 12).then().statusCode(200)
                .header("X-Rate-Limit-Requests-Quota", "150")
                .body("order_id", equalTo(250))
                .body("tracking_number", equalTo("1Z999"))
                .body("date_created", matchesPattern("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} \\+0000"));
        api().get("/{s}/v2/orders/{id}/shipments/{sid}", BC, 250, 13).then().statusCode(404)
                .body("[0].message", equalTo("The requested resource was not found."));
        api().get("/{s}/v3/orders/{id}/payment_actions/refunds", BC, 250).then().statusCode(200)
                .body("data.size()", equalTo(1))
                .body("data[0].id", equalTo(3))
                .body("data[0].order_id", equalTo(250))
                .body("data[0].reason", equalTo("Beschädigt"));
        api().get("/{s}/v3/orders/{id}/payment_actions/refunds", BC, 999999).then().statusCode(404)
                .body("status", equalTo(404));
        given().get("/{s}/v2/orders/{id}/shipments", BC, 250).then().statusCode(401);
        // The v2 order itself references only products, shipping addresses and coupons, as BigCommerce's does.
        api().get("/{s}/v2/orders/{id}", BC, 250).then().statusCode(200)
                .body("shipments", org.hamcrest.Matchers.nullValue())
                .body("refunds", org.hamcrest.Matchers.nullValue());

        List<JsonPath> webhooks = WebhookReceiver.get().requests().stream().map(r -> new JsonPath(r.bodyText())).toList();
        assertThat(webhooks).extracting(w -> w.getString("scope"))
                .containsExactly("store/order/created", "store/shipment/created", "store/order/refund/created");
        assertThat(webhooks.get(1).getMap("data")).containsEntry("type", "shipment").containsEntry("id", 12).containsEntry("orderId", 250);
        assertThat(webhooks.get(2).getMap("data")).containsEntry("type", "order").containsEntry("id", 250);
        assertThat(webhooks.get(2).getInt("data.refund.refund_id")).isEqualTo(3);

        // Seeding the order again with the same shipment announces nothing new.
        WebhookReceiver.get().reset();
        seed(BC, "orders", 250, "{\"status_id\":10,\"shipments\":[{\"id\":12}]}").then().statusCode(200);
        assertThat(WebhookReceiver.get().requests()).extracting(r -> new JsonPath(r.bodyText()).getString("scope"))
                .containsExactly("store/order/updated");
    }

    @Test
    void productVariantsComeOnlyWhenIncluded() {
        seed(BC, "products", 77, "{\"name\":\"Öko-T-Shirt\",\"price\":19.99,"
                + "\"variants\":[{\"id\":701,\"sku\":\"OKO-S\",\"option_values\":[{\"label\":\"S\"}]}]}", false);

        api().queryParam("include", "variants").get("/{s}/v3/catalog/products/{id}", BC, 77).then().statusCode(200)
                .body("data.variants[0].sku", equalTo("OKO-S"))
                .body("data.name", equalTo("Öko-T-Shirt"));
        api().get("/{s}/v3/catalog/products/{id}", BC, 77).then().statusCode(200)
                .body("data.variants", org.hamcrest.Matchers.nullValue());
        api().queryParam("include", "variants").get("/{s}/v3/catalog/products", BC).then().statusCode(200)
                .body("data[0].variants[0].id", equalTo(701));
    }
}
