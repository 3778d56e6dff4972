package gov.planning.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RuntimeConfigResourceTest {

    @Test
    void theAppLearnsTheGatewayAndTheLoginFromTheServersSettingsNotFromItsBuild() {
        // The test profile sets the gateway as Kubernetes does (same host); Keycloak and the client keep the defaults.
        given().when().get("/api/config").then().statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("graphqlUrl", equalTo("/graphql"))
                .body("oidcIssuer", equalTo("http://localhost:8180/realms/planning"))
                .body("oidcClientId", equalTo("planning-web"));
    }

    @Test
    void liveAndReadyProbesAnswerWithoutAnythingElseRunning() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/health/live").then().statusCode(200);
    }
}
