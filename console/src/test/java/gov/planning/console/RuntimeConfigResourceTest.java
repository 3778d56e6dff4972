package gov.planning.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RuntimeConfigResourceTest {

    @Test
    void theAppLearnsTheGatewayAndTheLoginFromTheServersSettingsNotFromItsBuild() {
        given().when().get("/api/config").then().statusCode(200)
                .header("Cache-Control", equalTo("no-store"))
                .body("graphqlUrl", equalTo("http://localhost:8080/graphql"))
                .body("oidcIssuer", equalTo("http://localhost:8180/realms/planning"))
                .body("oidcClientId", equalTo("planning-web"));
    }

    @Test
    void liveAndReadyProbesAnswerWithoutAnythingElseRunning() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/health/live").then().statusCode(200);
    }
}
