package gov.planning.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import gov.planning.gateway.fakes.FakeSubgraph;
import gov.planning.gateway.fakes.FederationFeaturesResource;
import gov.planning.testing.GraphQLClient;
import gov.planning.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The gateway started from a supergraph file written by Apollo's composition, over fake subgraphs that use the
 * federation directives our own services do not (see {@link FederationFeaturesResource}).
 */
@QuarkusTest
@QuarkusTestResource(value = FederationFeaturesResource.class, restrictToAnnotatedClass = true)
class FederationFeaturesTest {

    String orgsUrl;
    String plansUrl;
    String indicatorsUrl;

    @BeforeEach
    void resetFakes() {
        orgsUrl = FederationFeaturesResource.urls.get("orgs");
        plansUrl = FederationFeaturesResource.urls.get("plans");
        indicatorsUrl = FederationFeaturesResource.urls.get("indicators");
        for (String url : List.of(orgsUrl, plansUrl, indicatorsUrl)) {
            FakeSubgraph.reset(url);
        }
    }

    private static JsonPath post(String query) {
        return GraphQLClient.post(TestTokens.viewer(), query);
    }

    private static List<Map<String, Object>> requests(String url) {
        return FakeSubgraph.requests(url);
    }

    @Test
    void anOverriddenFieldComesFromTheSubgraphThatTookItOverAndAProvidedFieldFromTheProvider() {
        JsonPath response = post("{ plans { id title issuer { name } } }");

        assertThat(response.getList("errors")).isNull();
        assertThat(response.getString("data.plans[0].title")).isEqualTo("关于推进城镇老旧小区改造的实施方案");
        assertThat(response.getString("data.plans[0].issuer.name")).isEqualTo("内蒙古自治区人民政府（指标库）");
        assertThat(requests(orgsUrl)).isEmpty(); // @provides: indicators answered the issuer's name itself
        assertThat(requests(plansUrl)).hasSize(1);
        assertThat(requests(indicatorsUrl)).hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRequiredFieldIsFetchedFirstAndSentWithTheCompoundNestedKeyInOneBatchedCall() {
        JsonPath response = post("{ organizations { code targetPerCapita } }");

        assertThat(response.getList("errors")).isNull();
        assertThat(response.getList("data.organizations.code")).containsExactly("nmg", "nmg.zjt");
        assertThat(response.getList("data.organizations.targetPerCapita", Double.class)).containsExactly(5.0, 20.0);
        List<Map<String, Object>> calls = requests(indicatorsUrl);
        assertThat(calls).hasSize(1);
        Map<String, Object> variables = (Map<String, Object>) calls.get(0).get("variables");
        List<Map<String, Object>> representations = (List<Map<String, Object>>) variables.values().iterator().next();
        assertThat(representations).containsExactly(
                Map.of("__typename", "Organization", "region", Map.of("code", "15"), "seq", 1, "headcount", 200),
                Map.of("__typename", "Organization", "region", Map.of("code", "15"), "seq", 2, "headcount", 50));
        assertThat(requests(orgsUrl)).hasSize(1);
    }

    @Test
    void aFetchNothingWaitsForSharesTheLaterRequestToItsSubgraph() {
        // title (indicators) could go right after plans; targetPerCapita (indicators too) must wait for orgs' headcount
        JsonPath response = post("{ plans { title leads { code ... on Organization { targetPerCapita } } } }");

        assertThat(response.getList("errors")).isNull();
        assertThat(response.getString("data.plans[0].title")).isEqualTo("关于推进城镇老旧小区改造的实施方案");
        assertThat(response.getList("data.plans[0].leads.code")).containsExactly("nmg.zjt", "nmg.ldxz");
        assertThat(response.getDouble("data.plans[0].leads[0].targetPerCapita")).isEqualTo(20.0);
        assertThat(requests(indicatorsUrl)).hasSize(1);
        assertThat((String) requests(indicatorsUrl).get(0).get("query")).contains("title").contains("targetPerCapita");
    }

    @Test
    void objectsOfAnInterfaceObjectLearnTheirTypeAndOtherFieldsFromTheInterfaceOwner() {
        JsonPath response = post("{ plans { leads { __typename code name openTasks ... on Organization { seq } } } }");

        assertThat(response.getList("errors")).isNull();
        assertThat(response.getList("data.plans[0].leads.__typename")).containsExactly("Organization", "Collective");
        assertThat(response.getList("data.plans[0].leads.name")).containsExactly("自治区住房和城乡建设厅", "自治区领导小组");
        assertThat(response.getList("data.plans[0].leads.openTasks")).containsExactly(7, 8);
        assertThat(response.getInt("data.plans[0].leads[0].seq")).isEqualTo(2);
        assertThat(response.getMap("data.plans[0].leads[1]")).doesNotContainKey("seq");
        String orgsQuery = (String) requests(orgsUrl).get(0).get("query");
        assertThat(orgsQuery).contains("...on Unit");
    }

    @Test
    void fieldsAnInterfaceObjectAddsReachEveryImplementation() {
        JsonPath response = post("{ organizations { code openTasks } }");

        assertThat(response.getList("errors")).isNull();
        assertThat(response.getList("data.organizations.openTasks")).containsExactly(3, 7);
        String plansQuery = (String) requests(plansUrl).get(0).get("query");
        assertThat(plansQuery).contains("_entities").contains("...on Unit");
    }

    @Test
    void inaccessibleFieldsAreNotInTheApiSchemaAndCannotBeQueried() {
        JsonPath response = post("{ organizations { code internalNote } }");

        assertThat(GraphQLClient.firstErrorCode(response)).isEqualTo("GRAPHQL_VALIDATION_FAILED");
        assertThat(requests(orgsUrl)).isEmpty();
        String sdl = given().auth().oauth2(TestTokens.viewer()).get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        assertThat(sdl).contains("targetPerCapita").doesNotContain("internalNote", "join__", "@link");
    }

    @Test
    void aChangedSupergraphFileIsServedWithoutARestartAndOperationsAreValidatedAgainstIt() throws Exception {
        Path file = FederationFeaturesResource.supergraphFile;
        String original = Files.readString(file);
        String query = "{ organizations { code internalNote } }";
        assertThat(GraphQLClient.firstErrorCode(post(query))).isEqualTo("GRAPHQL_VALIDATION_FAILED");
        try {
            Files.writeString(file, original.replace("internalNote: String @inaccessible", "internalNote: String"));

            JsonPath shown = awaitNoErrors(query);
            assertThat(shown.getList("data.organizations.internalNote")).containsOnly("not for clients");
        } finally {
            Files.writeString(file, original);
        }
        long deadline = System.currentTimeMillis() + 15_000;
        while (GraphQLClient.firstErrorCode(post(query)) == null && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertThat(GraphQLClient.firstErrorCode(post(query))).isEqualTo("GRAPHQL_VALIDATION_FAILED");
    }

    /** The gateway re-reads its file every second (planning.composition.poll-interval): wait for it, at most 15 s. */
    private static JsonPath awaitNoErrors(String query) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        JsonPath response = post(query);
        while (response.getList("errors") != null && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            response = post(query);
        }
        return response;
    }
}
