package io.crmsync.sandbox.storefront;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.crmsync.sandbox.storefront.SimTestSupport.SHOPIFY;
import static io.crmsync.sandbox.storefront.SimTestSupport.SHOPIFY_TOKEN;
import static io.crmsync.sandbox.storefront.SimTestSupport.WOO;
import static io.crmsync.sandbox.storefront.SimTestSupport.fault;
import static io.crmsync.sandbox.storefront.SimTestSupport.seed;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(ReceiverTestResource.class)
class ShopifyAdminApiTest {

    private static final Pattern LINK = Pattern.compile("<([^>]+)>; rel=\"(next|previous)\"");
    private static final String ORDERS = "/" + SHOPIFY + "/admin/api/2024-04/orders.json";

    @BeforeEach
    void reset() {
        SimTestSupport.reset();
    }

    private static RequestSpecification api() {
        return given().header("X-Shopify-Access-Token", SHOPIFY_TOKEN);
    }

    @Test
    void cursorPaginationFollowsLinkHeadersThroughFilteredOrderedPages() {
        seed(SHOPIFY, "orders", 901, "{}", false).then().statusCode(201);
        seed(SHOPIFY, "orders", 902, "{}", false).then().statusCode(201);
        awaitNextSecond();
        String since = seed(SHOPIFY, "orders", 906, "{}", false).then().extract().path("object.updated_at");
        seed(SHOPIFY, "orders", 907, "{}", false).then().statusCode(201);
        awaitNextSecond();
        for (long id : new long[]{905, 903, 904}) {
            seed(SHOPIFY, "orders", id, "{}", false).then().statusCode(201);
        }

        Response first = api().queryParam("limit", 2).queryParam("status", "any")
                .queryParam("updated_at_min", since).queryParam("order", "updated_at asc").get(ORDERS);
        first.then().statusCode(200);
        assertThat(ids(first)).containsExactly(906L, 907L);
        assertThat(links(first)).containsOnlyKeys("next");

        Response second = follow(links(first).get("next"));
        assertThat(ids(second)).containsExactly(903L, 904L);
        assertThat(links(second)).containsOnlyKeys("previous", "next");

        Response third = follow(links(second).get("next"));
        assertThat(ids(third)).containsExactly(905L);
        assertThat(links(third)).containsOnlyKeys("previous");
        assertThat(links(third).get("previous")).contains("limit=2").doesNotContain("status=");

        assertThat(ids(follow(links(third).get("previous")))).containsExactly(903L, 904L);
    }

    @Test
    void pageInfoWithOtherParametersIs400() {
        for (long id = 1; id <= 3; id++) {
            seed(SHOPIFY, "orders", id, "{}", false);
        }
        Response first = api().queryParam("limit", 1).get(ORDERS);
        String pageInfo = links(first).get("next").replaceAll(".*page_info=([^&]+).*", "$1");

        api().queryParam("page_info", pageInfo).queryParam("limit", 1).queryParam("status", "any").get(ORDERS)
                .then().statusCode(400)
                .body("errors.status", equalTo("status cannot be passed when page_info is present. "
                        + "See https://shopify.dev/api/usage/pagination-rest for more information."));
        api().queryParam("page_info", "not-a-cursor").get(ORDERS)
                .then().statusCode(400).body("errors.page_info", equalTo("Invalid value."));
        api().queryParam("page_info", pageInfo).queryParam("limit", 1).get(ORDERS).then().statusCode(200);
    }

    @Test
    void missingOrWrongTokenIs401() {
        given().get(ORDERS).then().statusCode(401)
                .body("errors", equalTo("[API] Invalid API key or access token (unrecognized login or wrong password)"));
        given().header("X-Shopify-Access-Token", "shpat_wrong").get(ORDERS).then().statusCode(401);
    }

    @Test
    void leakyBucketAnswers429WhenFull() {
        List<String> callLimits = new ArrayList<>();
        Response limited = null;
        for (int i = 0; i < 200 && limited == null; i++) {
            Response r = api().get("/" + SHOPIFY + "/admin/api/2024-04/orders/count.json");
            callLimits.add(r.header("X-Shopify-Shop-Api-Call-Limit"));
            if (r.statusCode() == 429) {
                limited = r;
            } else {
                assertThat(r.statusCode()).isEqualTo(200);
            }
        }
        assertThat(limited).as("a 429 within 200 rapid calls").isNotNull();
        assertThat(callLimits.get(0)).isEqualTo("1/40");
        assertThat(callLimits).contains("40/40");
        limited.then()
                .header("Retry-After", "2.0")
                .header("X-Shopify-Shop-Api-Call-Limit", "40/40")
                .body("errors", equalTo("Exceeded 2 calls per second for api client. "
                        + "Reduce request rates to resume uninterrupted service."));
    }

    @Test
    void rateLimitFaultShrinksTheBucketOutageIs503AndRevokedCredentials401() {
        fault("{\"storeId\":\"" + SHOPIFY + "\",\"mode\":\"api-rate-limit\",\"requests\":3,\"perSeconds\":60}");
        for (int i = 1; i <= 3; i++) {
            api().get(ORDERS).then().statusCode(200).header("X-Shopify-Shop-Api-Call-Limit", i + "/3");
        }
        api().get(ORDERS).then().statusCode(429).header("X-Shopify-Shop-Api-Call-Limit", "3/3");

        fault("{\"storeId\":\"" + SHOPIFY + "\",\"mode\":\"api-outage\"}");
        api().get(ORDERS).then().statusCode(503);

        fault("{\"storeId\":\"" + SHOPIFY + "\",\"mode\":\"api-auth\"}");
        api().get(ORDERS).then().statusCode(401)
                .body("errors", equalTo("[API] Invalid API key or access token (unrecognized login or wrong password)"));

        fault("{\"storeId\":\"" + SHOPIFY + "\",\"mode\":\"none\"}");
        api().get(ORDERS).then().statusCode(200).header("X-Shopify-Shop-Api-Call-Limit", "1/40");
    }

    @Test
    void notFoundAnswers() {
        api().get("/" + SHOPIFY + "/admin/api/2024-04/orders/999.json").then().statusCode(404).body("errors", equalTo("Not Found"));
        api().get("/" + WOO + "/admin/api/2024-04/orders.json").then().statusCode(404);
    }

    @Test
    void ordersListOpenByDefaultNewestFirst() {
        seed(SHOPIFY, "orders", 71, "{\"created_at\":\"2025-01-01T10:00:00Z\"}", false);
        seed(SHOPIFY, "orders", 72, "{\"created_at\":\"2025-01-02T10:00:00Z\",\"cancelled_at\":\"2025-01-03T10:00:00Z\"}", false);
        seed(SHOPIFY, "orders", 73, "{\"created_at\":\"2025-01-03T10:00:00Z\"}", false);

        assertThat(ids(api().get(ORDERS))).containsExactly(73L, 71L);
        assertThat(ids(api().queryParam("status", "any").get(ORDERS))).containsExactly(73L, 72L, 71L);
        assertThat(ids(api().queryParam("status", "cancelled").get(ORDERS))).containsExactly(72L);
        api().queryParam("fields", "id,created_at").get("/" + SHOPIFY + "/admin/api/2024-04/orders/73.json")
                .then().statusCode(200).body("order.size()", equalTo(2));
    }

    private static Response follow(String url) {
        Response response = api().urlEncodingEnabled(false).get(url);
        response.then().statusCode(200);
        return response;
    }

    private static List<Long> ids(Response response) {
        return response.jsonPath().getList("orders.id", Long.class);
    }

    private static java.util.Map<String, String> links(Response response) {
        java.util.Map<String, String> links = new java.util.LinkedHashMap<>();
        String header = response.header("Link");
        if (header != null) {
            Matcher m = LINK.matcher(header);
            while (m.find()) {
                links.put(m.group(2), m.group(1));
            }
        }
        return links;
    }

    /** Shopify's timestamps have second precision: objects stored after this are strictly later. */
    private static void awaitNextSecond() {
        long second = Instant.now().getEpochSecond();
        while (Instant.now().getEpochSecond() == second) {
            try {
                Thread.sleep(1000 - Instant.now().toEpochMilli() % 1000 + 5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
