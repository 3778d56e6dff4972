package gov.planning.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.junit.jupiter.api.Test;

import gov.planning.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class GatewayTest {

    @Test
    void aValidTokenIsUnderstoodWithRolesAndOrganizationCodes() {
        given().auth().oauth2(TestTokens.token("zjt.reporter", List.of("reporter"), List.of("nmg.zjt")))
                .when().get("/viewer").then().statusCode(200)
                .body("username", equalTo("zjt.reporter"))
                .body("roles", contains("reporter"))
                .body("orgCodes", contains("nmg.zjt"));
    }

    @Test
    void anonymousAndForgedTokensGetHttp401() {
        given().when().get("/viewer").then().statusCode(401);
        given().auth().oauth2("not.a.token").when().get("/viewer").then().statusCode(401);
    }

    @Test
    void healthNeedsNoTokenAndLivenessCallsNothingElse() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
