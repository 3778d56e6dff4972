package gov.planning.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import gov.planning.gateway.fakes.FakeSubgraph;
import gov.planning.gateway.fakes.FakeSubgraphsResource;
import gov.planning.testing.GraphQLClient;
import gov.planning.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/**
 * The field budget ({@code planning.limits.max-fields}, 2000 by default): fragments count every time they are
 * spread, so an operation a few hundred characters long that expands to millions of fields is refused before the
 * gateway validates, normalizes or plans it.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(FakeSubgraphsResource.class)
class OperationCostTest {

    @ConfigProperty(name = "planning.subgraphs.plan-service.url")
    String planUrl;

    @BeforeEach
    void resetFakes() {
        FakeSubgraph.reset(planUrl);
    }

    /** {@code levels} fragments, each spreading the next twice: 2^levels fields once expanded, in a short text. */
    private static String doubling(int levels, String leaf) {
        StringBuilder query = new StringBuilder("query Doubling { ...F0 }\n");
        for (int i = 0; i < levels; i++) {
            query.append("fragment F").append(i).append(" on Query { ...F").append(i + 1).append(" ...F").append(i + 1).append(" }\n");
        }
        return query.append("fragment F").append(levels).append(" on Query { ").append(leaf).append(" }\n").toString();
    }

    @Test
    void anOperationWhoseFragmentsDoubleAtEveryLevelIsRefusedAsTooComplexWhileAnotherRequestIsServed() {
        String exponential = doubling(30, "plans { id title issuer { id } }");
        assertThat(exponential.length()).isLessThan(2_000); // passes the size, depth and alias limits

        CompletableFuture<JsonPath> attack = CompletableFuture.supplyAsync(() -> post(exponential));
        CompletableFuture<JsonPath> normal = CompletableFuture.supplyAsync(() -> post("{ plans { title } }"));

        JsonPath refused = attack.join();
        assertThat(GraphQLClient.firstErrorCode(refused)).isEqualTo("QUERY_TOO_COMPLEX");
        assertThat(refused.getString("errors[0].message")).contains("at most 2000");
        assertThat(refused.getMap("$")).doesNotContainKey("data");
        assertThat(normal.join().getList("data.plans.title")).containsExactly("Plan A", "Plan B", "Plan C");
        assertThat(FakeSubgraph.requests(planUrl)).hasSize(1); // only the normal request reached a subgraph
    }

    @Test
    void theBudgetCountsEachFragmentWhereItIsSpread() {
        JsonPath within = post(doubling(10, "__typename")); // 1024 fields
        assertThat(within.getList("errors")).isNull();
        assertThat(within.getString("data.__typename")).isEqualTo("Query");

        assertThat(GraphQLClient.firstErrorCode(post(doubling(11, "__typename")))).isEqualTo("QUERY_TOO_COMPLEX"); // 2048
    }

    @Test
    void aFragmentCycleIsAValidationErrorNotALoop() {
        JsonPath response = post("query { ...A } fragment A on Query { plans { id } ...B } fragment B on Query { ...A ...A }");

        assertThat(GraphQLClient.firstErrorCode(response)).isEqualTo("GRAPHQL_VALIDATION_FAILED");
        assertThat(FakeSubgraph.requests(planUrl)).isEmpty();
    }

    @Test
    void aLegitimateOperationBuiltFromManyFragmentsIsServed() {
        StringBuilder query = new StringBuilder("query Screen {\n");
        for (int i = 0; i < 20; i++) {
            query.append("  p").append(i).append(": plan(id: \"p").append(i % 3 + 1).append("\") { ...PlanCard").append(i % 5).append(" }\n");
        }
        query.append("  plans { ...PlanCard0 ...PlanCard1 ...PlanCard2 ...PlanCard3 ...PlanCard4 }\n}\n");
        for (int i = 0; i < 5; i++) {
            query.append("fragment PlanCard").append(i).append(" on Plan { id title ...Status ...Issuer }\n");
        }
        query.append("fragment Status on Plan { status issuedOn }\n")
                .append("fragment Issuer on Plan { issuer { ...OrgName } }\n")
                .append("fragment OrgName on Organization { id name code }\n");

        JsonPath response = post(query.toString());

        assertThat(response.getList("errors")).isNull();
        assertThat(response.getString("data.p4.title")).isEqualTo("Plan B");
        assertThat(response.getString("data.p4.issuer.code")).isEqualTo("nmg.zjt");
        assertThat(response.getList("data.plans.status")).containsExactly("PUBLISHED", "DRAFT", "PUBLISHED");
        assertThat(response.getList("data.plans.issuer.name", String.class)).hasSize(3).doesNotContainNull();
    }

    private static JsonPath post(String query) {
        return GraphQLClient.post(TestTokens.viewer(), query);
    }
}
