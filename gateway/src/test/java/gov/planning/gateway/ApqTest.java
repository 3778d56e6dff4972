package gov.planning.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import gov.planning.gateway.apq.PersistedQueries;
import gov.planning.gateway.fakes.FakeSubgraph;
import gov.planning.gateway.fakes.FakeSubgraphsResource;
import gov.planning.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Automatic persisted queries (Apollo's APQ protocol) over POST and GET. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(FakeSubgraphsResource.class)
class ApqTest {

    @ConfigProperty(name = "planning.subgraphs.plan-service.url")
    String planUrl;

    @BeforeEach
    void resetFakes() {
        FakeSubgraph.reset(planUrl);
    }

    private int planCalls() {
        return given().get(planUrl.replace("/graphql", "/calls")).then().statusCode(200).extract().jsonPath().getList("requests").size();
    }

    private static Map<String, Object> persisted(String hash) {
        return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
    }

    private static JsonPath post(String query, Map<String, Object> variables, Map<String, Object> extensions) {
        Map<String, Object> body = new HashMap<>();
        if (query != null) {
            body.put("query", query);
        }
        if (variables != null) {
            body.put("variables", variables);
        }
        body.put("extensions", extensions);
        return given().contentType(ContentType.JSON).auth().oauth2(TestTokens.viewer()).body(body)
                .when().post("/graphql").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void anUnknownHashAnswersPersistedQueryNotFoundWithoutCallingASubgraph() {
        String hash = PersistedQueries.sha256("{ plans { id unknownToEveryone: title } }");

        JsonPath response = post(null, null, persisted(hash));

        assertThat(response.getString("errors[0].message")).isEqualTo("PersistedQueryNotFound");
        assertThat(response.getString("errors[0].extensions.code")).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
        assertThat(response.getMap("$")).doesNotContainKey("data");
        assertThat(planCalls()).isZero();
    }

    @Test
    void queryWithItsHashRegistersItAndTheHashAloneThenRunsIt() {
        String query = "query ByStatus($status: PlanStatus) { plans(status: $status) { id title } }";
        String hash = PersistedQueries.sha256(query);

        JsonPath first = post(query, Map.of("status", "PUBLISHED"), persisted(hash));
        assertThat(first.getList("errors")).isNull();
        assertThat(first.getList("data.plans.id")).containsExactly("p1", "p3");

        JsonPath second = post(null, Map.of("status", "PUBLISHED"), persisted(hash.toUpperCase()));
        assertThat(second.getList("errors")).isNull();
        assertThat(second.getList("data.plans.title")).containsExactly("Plan A", "Plan C");
        assertThat(planCalls()).isEqualTo(2);
    }

    @Test
    void aHashThatIsNotTheQuerysShaIsRefusedAndNotRegistered() {
        String query = "{ plans { id } }";
        String wrong = PersistedQueries.sha256("{ plans { title } }");

        JsonPath response = post(query, null, persisted(wrong));

        assertThat(response.getString("errors[0].extensions.code")).isEqualTo("PERSISTED_QUERY_HASH_MISMATCH");
        assertThat(response.getMap("$")).doesNotContainKey("data");
        assertThat(post(null, null, persisted(wrong)).getString("errors[0].extensions.code")).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
        assertThat(planCalls()).isZero();
    }

    @Test
    void anInvalidQueryIsNotRegistered() {
        String query = "{ plans { noSuchField } }";
        String hash = PersistedQueries.sha256(query);

        assertThat(post(query, null, persisted(hash)).getString("errors[0].extensions.code")).isEqualTo("GRAPHQL_VALIDATION_FAILED");
        assertThat(post(null, null, persisted(hash)).getString("errors[0].extensions.code")).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
    }

    @Test
    void malformedPersistedQueryExtensionsAreBadRequests() {
        String hash = PersistedQueries.sha256("{ plans { id } }");
        assertThat(post(null, null, Map.of("persistedQuery", Map.of("version", 2, "sha256Hash", hash)))
                .getString("errors[0].extensions.code")).isEqualTo("BAD_REQUEST");
        assertThat(post(null, null, Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", "abc")))
                .getString("errors[0].extensions.code")).isEqualTo("BAD_REQUEST");
    }

    @Test
    void getRunsAPersistedQueryWithVariablesAndIsNeverCached() {
        String query = "query One($id: ID!) { plan(id: $id) { title } }";
        String hash = PersistedQueries.sha256(query);
        String extensions = "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}";

        JsonPath miss = given().auth().oauth2(TestTokens.viewer())
                .queryParam("extensions", extensions).queryParam("variables", "{\"id\":\"p1\"}")
                .when().get("/graphql").then().statusCode(200).extract().jsonPath();
        assertThat(miss.getString("errors[0].extensions.code")).isEqualTo("PERSISTED_QUERY_NOT_FOUND");

        // Apollo Client's second attempt after a miss: the same GET with the query added registers it.
        given().auth().oauth2(TestTokens.viewer())
                .queryParam("query", query).queryParam("extensions", extensions).queryParam("variables", "{\"id\":\"p1\"}")
                .when().get("/graphql").then().statusCode(200);

        JsonPath hit = given().auth().oauth2(TestTokens.viewer())
                .queryParam("extensions", extensions).queryParam("variables", "{\"id\":\"p1\"}")
                .when().get("/graphql").then().statusCode(200).header("Cache-Control", "private, no-store")
                .extract().jsonPath();
        assertThat(hit.getList("errors")).isNull();
        assertThat(hit.getString("data.plan.title")).isEqualTo("Plan A");
    }

    @Test
    void getRefusesMutationsAndBadJsonAndNeedsAToken() {
        given().queryParam("query", "{ plans { id } }").when().get("/graphql").then().statusCode(401);

        JsonPath mutation = given().auth().oauth2(TestTokens.viewer())
                .queryParam("query", "mutation { createPlan(input: { title: \"x\", issuerId: \"o1\" }) { id } }")
                .when().get("/graphql").then().statusCode(200).extract().jsonPath();
        assertThat(mutation.getString("errors[0].extensions.code")).isEqualTo("OPERATION_NOT_SUPPORTED");

        JsonPath badJson = given().auth().oauth2(TestTokens.viewer())
                .queryParam("query", "{ plans { id } }").queryParam("variables", "{not json")
                .when().get("/graphql").then().statusCode(200).extract().jsonPath();
        assertThat(badJson.getString("errors[0].extensions.code")).isEqualTo("BAD_REQUEST");
        assertThat(planCalls()).isZero();
    }

    @Test
    void theCacheKeepsNoMoreThanItsBoundAndKeepsTheQueryInUse() {
        PersistedQueries cache = new PersistedQueries(2);
        String a = PersistedQueries.sha256("a");
        String b = PersistedQueries.sha256("b");
        String c = PersistedQueries.sha256("c");
        cache.register(a, "a");
        cache.register(b, "b");
        for (int i = 0; i < 3; i++) {
            assertThat(cache.find(a)).contains("a"); // a is the one clients keep sending
        }
        cache.register(c, "c");

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.find(a)).contains("a");
        assertThat(cache.find(b).isPresent() ^ cache.find(c).isPresent()).isTrue();
        assertThat(PersistedQueries.matches("a", a.toUpperCase())).isTrue();
        assertThat(PersistedQueries.matches("b", a)).isFalse();
        assertThat(new PersistedQueries(0).enabled()).isFalse();
    }

    @jakarta.inject.Inject
    GatewayConfig config;

    @Test
    void theDefaultBoundIsAThousand() {
        assertThat(config.apq().maxEntries()).isEqualTo(1000);
    }
}
