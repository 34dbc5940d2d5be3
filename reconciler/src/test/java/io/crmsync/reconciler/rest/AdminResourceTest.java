package io.crmsync.reconciler.rest;

import io.crmsync.testkit.CrmSyncTestResource;
import io.crmsync.testkit.JwtTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;

/** Who may use the admin API: bearer tokens verified against the OIDC public key, by role. */
@QuarkusTest
@WithTestResource(value = CrmSyncTestResource.class, initArgs = @ResourceArg(name = "apps", value = "storefront-simulator,crm-sandbox"))
class AdminResourceTest {

    @Test
    void withoutATokenEverythingIs401() {
        given().when().get("/admin/cursors").then().statusCode(401);
        given().when().post("/admin/poll").then().statusCode(401);
    }

    @Test
    void aTokenNotSignedByTheIssuersKeyIs401() {
        String forged = io.smallrye.jwt.build.Jwt.issuer(JwtTokens.ISSUER).upn("mallory")
                .groups(JwtTokens.OPERATOR).expiresIn(300).sign(JwtTokens.generate().getPrivate());
        given().auth().oauth2(forged).when().get("/admin/cursors").then().statusCode(401);
    }

    @Test
    void aTokenWithoutAnAdminRoleIs403() {
        String stranger = JwtTokens.withRoles("someone-else");
        given().auth().oauth2(stranger).when().get("/admin/cursors").then().statusCode(403);
        given().auth().oauth2(stranger).when().post("/admin/poll").then().statusCode(403);
    }

    @Test
    void viewersReadCursorsButCannotPoll() {
        given().auth().oauth2(JwtTokens.viewer()).when().get("/admin/cursors")
                .then().statusCode(200).body("$", everyItem(hasKey("modifiedSince")));
        given().auth().oauth2(JwtTokens.viewer()).when().post("/admin/poll").then().statusCode(403);
    }

    @Test
    void operatorsReadCursorsAndPoll() {
        given().auth().oauth2(JwtTokens.operator()).when().get("/admin/cursors").then().statusCode(200);
        given().auth().oauth2(JwtTokens.operator()).when().post("/admin/poll")
                .then().statusCode(200).body("find { it.storeId == 'acme-shopify' }.objectType", org.hamcrest.Matchers.equalTo("order"));
    }
}
