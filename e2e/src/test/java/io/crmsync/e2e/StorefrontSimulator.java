package io.crmsync.e2e;

import static io.restassured.RestAssured.given;

/** The storefront simulator's seeding API: stores an object and lets the platform send its webhook. */
final class StorefrontSimulator {

    private final String baseUrl;

    StorefrontSimulator(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** {@code PUT /_sim/stores/{storeId}/{objectType}/{id}}: stored, and the platform's signed webhook delivered. */
    void put(String storeId, String objectType, long id, String platformJson) {
        given().baseUri(baseUrl).contentType("application/json").body(platformJson)
                .put("/_sim/stores/{store}/{type}/{id}", storeId, objectType, id)
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                .body("delivery.result", org.hamcrest.Matchers.equalTo("delivered"));
    }

    /** {@code ?notify=false}: stored with no webhook, as when the platform never sent one. */
    void putSilently(String storeId, String objectType, long id, String platformJson) {
        given().baseUri(baseUrl).contentType("application/json").body(platformJson)
                .put("/_sim/stores/{store}/{type}/{id}?notify=false", storeId, objectType, id)
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }
}
