package gov.planning.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.List;

import org.junit.jupiter.api.Test;

import gov.planning.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

/** Accounts from the government's identity provider whose organization is unknown see nothing until placed. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class PendingAccountTest {

    private static io.restassured.response.ValidatableResponse query(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"query\":\"{ organizations { totalCount } }\"}").when().post("/graphql").then().statusCode(200);
    }

    @Test
    void anAccountWithoutOrganizationIsRefusedEvenWithARole() {
        query(TestTokens.token("gov.unknown.zhao", List.of("reporter"), List.of()))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                .body("errors[0].message", containsString("belongs to no organization"))
                .body("data", equalTo(null));
    }

    @Test
    void anAccountWithoutPlatformRoleIsRefused() {
        query(TestTokens.token("someone", List.of("offline_access"), List.of("nmg.zjt")))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                .body("errors[0].message", containsString("holds no platform role"));
    }

    @Test
    void aPlacedAccountAndAnAdminWithoutOrganizationGoOn() {
        query(TestTokens.token("gov.zjt.li", List.of("reporter"), List.of("nmg.zjt")))
                .body("errors[0].extensions.code", not(equalTo("FORBIDDEN")));
        query(TestTokens.token("root", List.of("admin"), List.of()))
                .body("errors[0].extensions.code", not(equalTo("FORBIDDEN")));
    }
}
