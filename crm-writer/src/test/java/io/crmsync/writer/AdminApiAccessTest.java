package io.crmsync.writer;

import io.crmsync.testkit.CrmSyncTestResource;
import io.crmsync.testkit.JwtTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Who may use the writer's admin API: bearer tokens verified against the OIDC public key, roles
 * {@code crmsync-viewer} (read) and {@code crmsync-operator} (read and replay); /q/* stays open.
 */
@QuarkusTest
@WithTestResource(value = CrmSyncTestResource.class, initArgs = @ResourceArg(name = "apps", value = "crm-sandbox"))
class AdminApiAccessTest {

    @Test
    void withoutATokenEveryAdminEndpointIs401() {
        given().get("/admin/audit?tenant=acme").then().statusCode(401);
        given().get("/admin/dead-letters?tenant=acme").then().statusCode(401);
        replay(given()).then().statusCode(401);
    }

    @Test
    void aTokenNotSignedByTheIssuersKeyIs401() {
        String forged = Jwt.issuer(JwtTokens.ISSUER).upn("mallory").groups(JwtTokens.OPERATOR).expiresIn(300)
                .sign(JwtTokens.generate().getPrivate());
        given().auth().oauth2(forged).get("/admin/audit?tenant=acme").then().statusCode(401);
        given().auth().oauth2(forged).get("/admin/dead-letters?tenant=acme").then().statusCode(401);
        replay(given().auth().oauth2(forged)).then().statusCode(401);
    }

    @Test
    void aTokenWithoutAnAdminRoleIs403() {
        String stranger = JwtTokens.withRoles("someone-else");
        given().auth().oauth2(stranger).get("/admin/audit?tenant=acme").then().statusCode(403);
        given().auth().oauth2(stranger).get("/admin/dead-letters?tenant=acme").then().statusCode(403);
        replay(given().auth().oauth2(stranger)).then().statusCode(403);
    }

    @Test
    void viewersReadButCannotReplay() {
        given().auth().oauth2(JwtTokens.viewer()).get("/admin/audit?tenant=acme")
                .then().statusCode(200).body("items", notNullValue());
        given().auth().oauth2(JwtTokens.viewer()).get("/admin/dead-letters?tenant=acme")
                .then().statusCode(200).body("items", notNullValue());
        replay(given().auth().oauth2(JwtTokens.viewer())).then().statusCode(403);
    }

    @Test
    void operatorsReadAndReplay() {
        given().auth().oauth2(JwtTokens.operator()).get("/admin/audit?tenant=acme").then().statusCode(200);
        given().auth().oauth2(JwtTokens.operator()).get("/admin/dead-letters?tenant=acme").then().statusCode(200);
        // A tenant without dead letters: the replay runs, finds nothing and says so.
        replay(given().auth().oauth2(JwtTokens.operator())).then().statusCode(200)
                .body("matched", equalTo(0)).body("replayed", equalTo(0)).body("replayId", notNullValue());
    }

    @Test
    void operationalSurfacesNeedNoToken() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    private static io.restassured.response.Response replay(RequestSpecification request) {
        Instant now = Instant.now();
        return request.contentType(ContentType.JSON)
                .body("{\"tenant\":\"nobody-" + WriterTestSupport.unique() + "\",\"from\":\"" + now.minusSeconds(60)
                        + "\",\"to\":\"" + now + "\"}")
                .post("/admin/dead-letters/replay");
    }
}
