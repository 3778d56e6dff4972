package gov.planning.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.planning.testing.GraphQLClient;
import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A gateway whose subgraphs are not all reachable: it starts, but is not ready and serves no operation. */
@QuarkusTest
@TestProfile(NotComposedTest.UnreachableSubgraph.class)
class NotComposedTest {

    public static class UnreachableSubgraph implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("planning.subgraphs.unreachable-service.url", "http://localhost:1/graphql");
        }
    }

    @Test
    void readinessIsDownUntilASupergraphIsComposedWhileLivenessStaysUp() {
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void operationsAnswerSupergraphNotReadyAndTheSchemaIsUnavailable() {
        String code = GraphQLClient.firstErrorCode(GraphQLClient.post(TestTokens.viewer(), "{ plans { id } }"));
        org.assertj.core.api.Assertions.assertThat(code).isEqualTo("SUPERGRAPH_NOT_READY");
        given().auth().oauth2(TestTokens.viewer()).get("/graphql/schema.graphql").then().statusCode(503);
    }
}
