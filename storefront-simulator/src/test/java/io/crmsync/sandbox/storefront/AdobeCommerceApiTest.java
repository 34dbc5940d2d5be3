package io.crmsync.sandbox.storefront;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.crmsync.sandbox.storefront.SimTestSupport.ADOBE;
import static io.crmsync.sandbox.storefront.SimTestSupport.ADOBE_TOKEN;
import static io.crmsync.sandbox.storefront.SimTestSupport.fault;
import static io.crmsync.sandbox.storefront.SimTestSupport.seed;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Adobe Commerce REST: searchCriteria filters, sort, paging (with the past-the-end repeat), auth, single objects. */
@QuarkusTest
@WithTestResource(ReceiverTestResource.class)
class AdobeCommerceApiTest {

    private static final String ORDERS = "/" + ADOBE + "/rest/V1/orders";
    private static final DateTimeFormatter ADOBE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @BeforeEach
    void reset() {
        SimTestSupport.reset();
    }

    private static RequestSpecification api() {
        return given().header("Authorization", "Bearer " + ADOBE_TOKEN);
    }

    private static String order(String createdAt, String email) {
        return """
                {"increment_id": "000000001", "state": "processing", "status": "processing", "created_at": "%s",
                 "customer_email": "%s", "order_currency_code": "EUR", "grand_total": 49.9,
                 "items": [{"item_id": 1, "sku": "MUG", "qty_ordered": 1, "price": 49.9}]}
                """.formatted(createdAt, email);
    }

    /** Five orders created a day apart (2026-02-01 … 02-05), ids 11 … 15. */
    private static void fiveOrders() {
        for (int i = 1; i <= 5; i++) {
            seed(ADOBE, "orders", 10 + i, order("2026-02-0" + i + " 10:00:00", "buyer" + i + "@example.com"), false)
                    .then().statusCode(201);
        }
    }

    private static Map<String, Object> filter(int group, int index, String field, String value, String condition) {
        String prefix = "searchCriteria[filter_groups][" + group + "][filters][" + index + "]";
        Map<String, Object> params = new LinkedHashMap<>();
        params.put(prefix + "[field]", field);
        params.put(prefix + "[value]", value);
        params.put(prefix + "[condition_type]", condition);
        return params;
    }

    private static List<Integer> ids(JsonPath answer) {
        return answer.getList("items.entity_id", Integer.class);
    }

    @Test
    void seedingStampsAdobeTimesInUtcAndKeysOrdersByEntityId() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JsonPath seeded = seed(ADOBE, "orders", 42, order("2026-02-01 10:00:00", "a@example.com"), false)
                .then().statusCode(201).extract().jsonPath();

        assertThat(seeded.getInt("object.entity_id")).isEqualTo(42);
        assertThat(seeded.getMap("object")).doesNotContainKey("id");
        String updatedAt = seeded.getString("object.updated_at");
        assertThat(updatedAt).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        assertThat(LocalDateTime.parse(updatedAt, ADOBE_TIME).toInstant(ZoneOffset.UTC)).isAfterOrEqualTo(before);
        assertThat(seeded.getString("object.created_at")).isEqualTo("2026-02-01 10:00:00");
        api().get(ORDERS + "/42").then().statusCode(200).body("entity_id", equalTo(42)).body("updated_at", equalTo(updatedAt));
    }

    @Test
    void seedingWithAWebhookIsRefusedBeforeAnythingIsStored() {
        seed(ADOBE, "orders", 43, order("2026-02-01 10:00:00", "a@example.com"))
                .then().statusCode(400).body("error", containsString("notify=false"));
        api().get(ORDERS + "/43").then().statusCode(404)
                .body("message", equalTo("The entity that was requested doesn't exist. Verify the entity and try again."));
    }

    @Test
    void filtersCombineAsAdobeDocumentsThemAndTheSearchCriteriaAreEchoed() {
        fiveOrders();

        JsonPath gteq = api().queryParams(filter(0, 0, "created_at", "2026-02-03 10:00:00", "gteq"))
                .get(ORDERS).then().statusCode(200).extract().jsonPath();
        assertThat(ids(gteq)).containsExactlyInAnyOrder(13, 14, 15);
        assertThat(gteq.getInt("total_count")).isEqualTo(3);
        assertThat(gteq.getMap("search_criteria.filter_groups[0].filters[0]")).containsExactly(
                Map.entry("field", "created_at"), Map.entry("value", "2026-02-03 10:00:00"), Map.entry("condition_type", "gteq"));

        assertThat(ids(api().queryParams(filter(0, 0, "created_at", "2026-02-03 10:00:00", "gt"))
                .get(ORDERS).then().statusCode(200).extract().jsonPath())).containsExactlyInAnyOrder(14, 15);
        assertThat(ids(api().queryParams(filter(0, 0, "created_at", "2026-02-02 10:00:00", "lteq"))
                .get(ORDERS).then().statusCode(200).extract().jsonPath())).containsExactlyInAnyOrder(11, 12);
        // from/to: a range (two groups, AND)
        Map<String, Object> range = new LinkedHashMap<>(filter(0, 0, "created_at", "2026-02-02 00:00:00", "from"));
        range.putAll(filter(1, 0, "created_at", "2026-02-04 00:00:00", "to"));
        assertThat(ids(api().queryParams(range).get(ORDERS).then().statusCode(200).extract().jsonPath()))
                .containsExactlyInAnyOrder(12, 13);
        // two filters of one group: OR
        Map<String, Object> either = new LinkedHashMap<>(filter(0, 0, "customer_email", "buyer1@example.com", "eq"));
        either.putAll(filter(0, 1, "entity_id", "14,15", "in"));
        assertThat(ids(api().queryParams(either).get(ORDERS).then().statusCode(200).extract().jsonPath()))
                .containsExactlyInAnyOrder(11, 14, 15);
        // updated_at is stamped now: nothing changed after a minute from now
        String inAMinute = ADOBE_TIME.format(LocalDateTime.now(ZoneOffset.UTC).plusMinutes(1));
        assertThat(api().queryParams(filter(0, 0, "updated_at", inAMinute, "gteq")).get(ORDERS)
                .then().statusCode(200).extract().jsonPath().getInt("total_count")).isZero();
        api().queryParams(filter(0, 0, "created_at", "2026-02-03", "like")).get(ORDERS).then().statusCode(400);
    }

    @Test
    void pagesFollowTheSortOrderAndAPagePastTheEndRepeatsTheLastPage() {
        fiveOrders();
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("searchCriteria[sortOrders][0][field]", "created_at");
        query.put("searchCriteria[sortOrders][0][direction]", "DESC");
        query.put("searchCriteria[pageSize]", 2);

        List<List<Integer>> pages = new java.util.ArrayList<>();
        for (int page = 1; page <= 4; page++) {
            JsonPath answer = api().queryParams(query).queryParam("searchCriteria[currentPage]", page)
                    .get(ORDERS).then().statusCode(200).extract().jsonPath();
            assertThat(answer.getInt("total_count")).isEqualTo(5);
            assertThat(answer.getInt("search_criteria.page_size")).isEqualTo(2);
            assertThat(answer.getInt("search_criteria.current_page")).isEqualTo(page);
            assertThat(answer.getString("search_criteria.sort_orders[0].direction")).isEqualTo("DESC");
            pages.add(ids(answer));
        }

        assertThat(pages).containsExactly(List.of(15, 14), List.of(13, 12), List.of(11), List.of(11));
        // Without pageSize, every match on one page.
        assertThat(ids(api().queryParam("searchCriteria[sortOrders][0][field]", "created_at").get(ORDERS)
                .then().statusCode(200).extract().jsonPath())).containsExactly(11, 12, 13, 14, 15);
    }

    @Test
    void customersAndProductsAreSearchedAndReadTheirOwnWay() {
        seed(ADOBE, "customers", 7, "{\"email\":\"zoe@example.com\",\"firstname\":\"Zoë\",\"lastname\":\"Müller\"}", false)
                .then().statusCode(201);
        seed(ADOBE, "products", 9, "{\"sku\":\"MUG-BLUE\",\"name\":\"Mug\",\"price\":12.5,\"status\":1}", false)
                .then().statusCode(201);

        api().queryParams(filter(0, 0, "email", "zoe@example.com", "eq")).get("/" + ADOBE + "/rest/V1/customers/search")
                .then().statusCode(200).body("total_count", equalTo(1)).body("items[0].id", equalTo(7))
                .body("items[0].firstname", equalTo("Zoë"));
        api().get("/" + ADOBE + "/rest/V1/customers/8").then().statusCode(404)
                .body("message", equalTo("No such entity with %fieldName = %fieldValue"))
                .body("parameters.fieldName", equalTo("customerId"));
        api().get("/" + ADOBE + "/rest/V1/products").then().statusCode(200).body("items[0].id", equalTo(9));
        api().get("/" + ADOBE + "/rest/V1/products/MUG-BLUE").then().statusCode(200).body("id", equalTo(9));
        api().get("/" + ADOBE + "/rest/V1/products/NOPE").then().statusCode(404);
    }

    @Test
    void aMissingOrWrongTokenAndTheFaultsGetAdobesAnswers() {
        given().get(ORDERS).then().statusCode(401)
                .body("message", equalTo("The consumer isn't authorized to access %resources."))
                .body("parameters.resources", equalTo("Magento_Sales::sales"));
        given().header("Authorization", "Bearer wrong").get("/" + ADOBE + "/rest/V1/products").then().statusCode(401)
                .body("parameters.resources", equalTo("Magento_Catalog::products"));
        given().header("Authorization", "Bearer " + ADOBE_TOKEN).get("/acme-shopify/rest/V1/orders").then().statusCode(404);

        fault("{\"storeId\":\"" + ADOBE + "\",\"mode\":\"api-auth\"}");
        api().get(ORDERS).then().statusCode(401);
        fault("{\"storeId\":\"" + ADOBE + "\",\"mode\":\"api-outage\"}");
        api().get(ORDERS).then().statusCode(503);
        fault("{\"storeId\":\"" + ADOBE + "\",\"mode\":\"api-rate-limit\",\"requests\":1,\"perSeconds\":60}");
        api().get(ORDERS).then().statusCode(200);
        api().get(ORDERS).then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }
}
