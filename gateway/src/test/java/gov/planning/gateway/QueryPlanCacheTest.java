package gov.planning.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import gov.planning.testing.GraphQLClient;
import gov.planning.testing.TestTokens;
import gov.planning.gateway.fakes.FakeSubgraphsResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/** Query plans are made once per operation, @skip/@include decision and supergraph, and reused. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(FakeSubgraphsResource.class)
class QueryPlanCacheTest {

    private static final String ISSUERS = "query CacheIssuers($withCode: Boolean!) { plans { title issuer { name code @include(if: $withCode) } } }";

    @Inject
    MeterRegistry meters;

    private double planned() {
        return meters.get("gateway.query.plans").tag("cache", "miss").counter().count();
    }

    private double reused() {
        return meters.get("gateway.query.plans").tag("cache", "hit").counter().count();
    }

    private static JsonPath post(String query, Map<String, Object> variables) {
        return GraphQLClient.post(TestTokens.viewer(), query, variables);
    }

    @Test
    void theSameOperationIsPlannedOnceAndThenAnsweredFromTheCachedPlanWithOtherVariableValues() {
        String query = "query CachePlan($id: ID!) { plan(id: $id) { title issuer { name } } }";
        double planned = planned();
        double reused = reused();

        JsonPath first = post(query, Map.of("id", "p1"));
        JsonPath second = post(query, Map.of("id", "p2"));

        assertThat(planned() - planned).isEqualTo(1);
        assertThat(reused() - reused).isEqualTo(1);
        // Variables other than @skip/@include conditions are forwarded, not planned in: the cached plan still
        // answers each request with its own values.
        assertThat(first.getString("data.plan.title")).isEqualTo("Plan A");
        assertThat(second.getString("data.plan.title")).isEqualTo("Plan B");
    }

    @Test
    void includeAndSkipVariablesGetAPlanPerDecisionAndEachIsReused() {
        double planned = planned();
        double reused = reused();

        JsonPath with = post(ISSUERS, Map.of("withCode", true));
        JsonPath without = post(ISSUERS, Map.of("withCode", false));
        JsonPath withAgain = post(ISSUERS, Map.of("withCode", true));

        assertThat(planned() - planned).isEqualTo(2);
        assertThat(reused() - reused).isEqualTo(1);
        assertThat(with.getList("data.plans.issuer.code")).containsExactly("nmg", "nmg.zjt", "nmg");
        assertThat(without.getMap("data.plans[0].issuer")).containsOnlyKeys("name");
        assertThat(withAgain.getList("data.plans.issuer.code")).containsExactly("nmg", "nmg.zjt", "nmg");
    }

    @Test
    void aRecompositionDropsThePlansMadeForTheOldSupergraph() {
        String query = "query CacheRecompose { plans { title } }";
        post(query, Map.of());
        double planned = planned();
        post(query, Map.of());
        assertThat(planned()).isEqualTo(planned);

        given().auth().oauth2(TestTokens.admin()).post("/admin/recompose").then().statusCode(200);
        JsonPath after = post(query, Map.of());

        assertThat(planned() - planned).isEqualTo(1);
        assertThat(after.getList("data.plans.title")).hasSize(3);
    }
}
