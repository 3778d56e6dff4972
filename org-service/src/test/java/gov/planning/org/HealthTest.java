package gov.planning.org;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthTest {

    @Test
    void readinessIncludesTheDatabaseAndNeedsNoToken() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(org.hamcrest.Matchers.containsString("Reactive PostgreSQL")));
    }

    @Test
    void livenessIsUpWithoutCallingAnythingElse() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheusMetricsCountGraphQLRequests() {
        gov.planning.testing.GraphQLClient.post(gov.planning.testing.TestTokens.viewer(), "{ me { username } }");
        given().when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("http_server_requests_seconds_count{method=\"POST\""));
    }
}
