package gov.planning.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

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
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The gateway federating three fake subgraphs in the test JVM, which count every request they get. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(FakeSubgraphsResource.class)
class FederationTest {

    @ConfigProperty(name = "planning.subgraphs.org-service.url")
    String orgUrl;

    @ConfigProperty(name = "planning.subgraphs.plan-service.url")
    String planUrl;

    @ConfigProperty(name = "planning.subgraphs.indicator-service.url")
    String indicatorUrl;

    @BeforeEach
    void resetFakes() {
        for (String url : List.of(orgUrl, planUrl, indicatorUrl)) {
            FakeSubgraph.reset(url);
        }
    }

    private static JsonPath post(String query) {
        return GraphQLClient.post(TestTokens.viewer(), query);
    }

    private static List<Map<String, Object>> requests(String url) {
        return FakeSubgraph.requests(url);
    }

    private static void mode(String url, String mode) {
        given().body(mode).post(url.replace("/graphql", "/mode")).then().statusCode(200);
    }

    @Test
    void nestedQueryOverThreePlansMakesOnePlanCallAndOneBatchedEntitiesCallToOrg() {
        JsonPath response = post("{ plans { title issuer { name code } } }");

        assertThat(response.getList("errors")).isNull();
        assertThat(response.getList("data.plans.title")).containsExactly("Plan A", "Plan B", "Plan C");
        assertThat(response.getList("data.plans.issuer.code")).containsExactly("nmg", "nmg.zjt", "nmg");
        assertThat(response.getString("data.plans[1].issuer.name")).isEqualTo("自治区住房和城乡建设厅");
        assertThat(requests(planUrl)).hasSize(1);
        List<Map<String, Object>> orgCalls = requests(orgUrl);
        assertThat(orgCalls).hasSize(1);
        String orgQuery = (String) orgCalls.get(0).get("query");
        assertThat(orgQuery.split("_entities", -1)).hasSize(2); // exactly one _entities field
        // three plans, two distinct issuers: each representation is sent once
        assertThat((List<?>) ((Map<?, ?>) orgCalls.get(0).get("variables")).get("_gw_r0")).hasSize(2);
        assertThat(requests(indicatorUrl)).isEmpty();
    }

    @Test
    void fieldsFromThreeSubgraphsAtSeveralLevelsAreFetchedLevelByLevelInOneRequestPerSubgraphAndLevel() {
        JsonPath response = post("{ plan(id: \"p1\") { title indicators { name plan { title } responsibleOrgs { code } } } }");

        assertThat(response.getList("errors")).isNull();
        assertThat(response.getList("data.plan.indicators.name")).containsExactly("耕地保有量", "城镇新增就业");
        assertThat(response.getList("data.plan.indicators.plan.title")).containsExactly("Plan A", "Plan A");
        assertThat(response.getList("data.plan.indicators.responsibleOrgs.code")).containsExactly(List.of("nmg.zjt"), List.of("nmg.zjt"));
        assertThat(requests(planUrl)).hasSize(2); // the root, then Plan.title of the indicators' plans
        assertThat(requests(indicatorUrl)).hasSize(1);
        assertThat(requests(orgUrl)).hasSize(1);
    }

    @Test
    void aliasesFragmentsVariablesSkipAndIncludeShapeTheResponseExactlyAsAsked() {
        String query = """
                query Published($status: PlanStatus, $withIssuer: Boolean!, $skipCode: Boolean!) {
                  published: plans(status: $status) {
                    ...PlanFields
                    heading: title
                    issuer @include(if: $withIssuer) { orgName: name code @skip(if: $skipCode) }
                  }
                  all: plans { id }
                  kind: __typename
                }
                fragment PlanFields on Plan { id ... on Plan { status } }
                """;
        JsonPath response = GraphQLClient.post(TestTokens.viewer(), query,
                Map.of("status", "PUBLISHED", "withIssuer", true, "skipCode", true));

        assertThat(response.getList("errors")).isNull();
        assertThat(response.getMap("data").keySet()).containsExactly("published", "all", "kind");
        assertThat(response.getString("data.kind")).isEqualTo("Query");
        assertThat(response.getList("data.published.id")).containsExactly("p1", "p3");
        assertThat(response.getMap("data.published[0]").keySet()).containsExactly("id", "status", "heading", "issuer");
        assertThat(response.getMap("data.published[0].issuer")).isEqualTo(Map.of("orgName", "内蒙古自治区人民政府"));
        assertThat(response.getList("data.all")).hasSize(3);
        assertThat(response.prettify()).doesNotContain("_gw_");
        // the variable went to the subgraph as a variable, with its definition
        assertThat((String) requests(planUrl).get(0).get("query")).contains("($status:PlanStatus)", "plans(status:$status)");
    }

    @Test
    void anErroringSubgraphYieldsPartialDataWithAnErrorNamingPathAndService() {
        mode(indicatorUrl, "http500");

        JsonPath response = post("{ plans { title indicatorSummary } }");

        assertThat(response.getList("data.plans.title")).containsExactly("Plan A", "Plan B", "Plan C");
        assertThat(response.getList("data.plans.indicatorSummary")).containsExactly(null, null, null);
        assertThat(response.getList("errors[0].path")).containsExactly("plans", 0, "indicatorSummary");
        assertThat(response.getString("errors[0].extensions.serviceName")).isEqualTo("indicator-service");
        assertThat(response.getString("errors[0].extensions.code")).isEqualTo("SUBGRAPH_BAD_RESPONSE");
    }

    @Test
    void metricsCountRequestsAndGraphqlErrorsPerSubgraph() {
        post("{ plans { title indicatorSummary } }");

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("gateway_subgraph_requests_seconds_count\\{[^}]*subgraph=\"indicator-service\"");
        assertThat(metrics).containsPattern("gateway_subgraph_errors_total\\{[^}]*subgraph=\"indicator-service\"[^}]*} [1-9]");
    }

    @Test
    void aWholeEntityFetchFailingWithoutAPositionStillGetsAClientPath() {
        mode(indicatorUrl, "system-error");

        JsonPath response = post("{ plans { title indicatorSummary } }");

        assertThat(response.getList("data.plans.title")).containsExactly("Plan A", "Plan B", "Plan C");
        assertThat(response.getList("data.plans.indicatorSummary")).containsExactly(null, null, null);
        assertThat(response.getList("errors[0].path")).containsExactly("plans", 0, "indicatorSummary");
        assertThat(response.getString("errors[0].extensions.serviceName")).isEqualTo("indicator-service");
    }

    @Test
    void aSingleSubgraphsPartialAnswerKeepsItsDataInTheClientsOrderAndItsErrorsAtTheClientsPaths() {
        // one fetch and nothing after it: shaped while the answer is read (decision 0021)
        JsonPath response = post("{ indicators { plan { summary: indicatorSummary id } name kind: __typename } }");

        assertThat(response.getMap("data.indicators[0]").keySet()).containsExactly("plan", "name", "kind");
        assertThat(response.getMap("data.indicators[0].plan").keySet()).containsExactly("summary", "id");
        assertThat(response.getList("data.indicators.name")).containsExactly("耕地保有量", "城镇新增就业");
        assertThat(response.getList("data.indicators.kind")).containsExactly("Indicator", "Indicator");
        assertThat(response.getList("data.indicators.plan.summary")).containsExactly(null, null);
        assertThat(response.getList("errors.path")).containsExactly(List.of("indicators", 0, "plan", "summary"),
                List.of("indicators", 1, "plan", "summary"));
        assertThat(response.getList("errors.extensions.code")).containsExactly("FORBIDDEN", "FORBIDDEN");
        assertThat(response.getList("errors.extensions.serviceName")).containsExactly("indicator-service", "indicator-service");
        assertThat(response.getList("errors.locations")).containsExactly(null, null);
        assertThat(response.prettify()).doesNotContain("_gw_");
        assertThat(requests(indicatorUrl)).hasSize(1);
        assertThat(requests(planUrl)).isEmpty();
    }

    @Test
    void aFailedRootFetchNullsOnlyThatSubgraphsRootFields() {
        mode(orgUrl, "http500");

        JsonPath response = post("{ plans { title } organization(id: \"o1\") { name } }");

        assertThat(response.getList("data.plans")).hasSize(3);
        assertThat(response.getMap("data")).containsEntry("organization", null);
        assertThat(response.getList("errors.path")).containsExactly(List.of("organization"));
        assertThat(response.getString("errors[0].extensions.serviceName")).isEqualTo("org-service");
    }

    @Test
    void subgraphErrorsKeepTheirCodeAndGetTheClientsPath() {
        JsonPath response = post("{ plan(id: \"p1\") { title summary: indicatorSummary } }");

        assertThat(response.getString("data.plan.title")).isEqualTo("Plan A");
        assertThat(response.getMap("data.plan")).containsEntry("summary", null);
        assertThat(response.getString("errors[0].extensions.code")).isEqualTo("FORBIDDEN");
        assertThat(response.getString("errors[0].extensions.serviceName")).isEqualTo("indicator-service");
        assertThat(response.getList("errors[0].path")).containsExactly("plan", "summary");
    }

    @Test
    void mutationsGoToTheirOwnerAndTheirResultIsCompletedFromOtherSubgraphs() {
        JsonPath response = post("mutation { createPlan(input: {title: \"New\", issuerId: \"o2\"}) { title issuer { code } } }");

        assertThat(response.getList("errors")).isNull();
        assertThat(response.getString("data.createPlan.title")).isEqualTo("New");
        assertThat(response.getString("data.createPlan.issuer.code")).isEqualTo("nmg.zjt");
        assertThat((String) requests(planUrl).get(0).get("query")).startsWith("mutation");
    }

    @Test
    void theClientsRequestIdIsPassedToEverySubgraphSoTheirLogLinesMatchTheGateways() {
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + TestTokens.viewer())
                .header("X-Request-Id", "req-42")
                .body(Map.of("query", "{ plans { title issuer { name } } }"))
                .post("/graphql").then().statusCode(200).header("X-Request-Id", "req-42");

        assertThat(requests(planUrl).get(0)).containsEntry("X-Request-Id", "req-42");
        assertThat(requests(orgUrl).get(0)).containsEntry("X-Request-Id", "req-42");
    }

    @Test
    void theCallersTraceContinuesIntoEverySubgraphFetchUnderItsOwnClientSpan() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callersSpan = "00f067aa0ba902b7";
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + TestTokens.viewer())
                .header("traceparent", "00-" + traceId + "-" + callersSpan + "-00")
                .body(Map.of("query", "{ plans { title issuer { name } } }"))
                .post("/graphql").then().statusCode(200).header("X-Request-Id", traceId);

        String toPlan = (String) requests(planUrl).get(0).get("traceparent");
        String toOrg = (String) requests(orgUrl).get(0).get("traceparent");
        assertThat(List.of(toPlan, toOrg)).allSatisfy(traceparent -> assertThat(traceparent)
                .matches("00-" + traceId + "-[0-9a-f]{16}-00").doesNotContain(callersSpan));
        assertThat(toPlan).as("each fetch is a span of its own").isNotEqualTo(toOrg);
    }

    @Test
    void anonymousAndForgedRequestsGetHttp401AndReachNoSubgraph() {
        given().contentType(ContentType.JSON).body(Map.of("query", "{ plans { id } }")).post("/graphql").then().statusCode(401);
        given().contentType(ContentType.JSON).header("Authorization", "Bearer not.a.token")
                .body(Map.of("query", "{ plans { id } }")).post("/graphql").then().statusCode(401);
        assertThat(requests(planUrl)).isEmpty();
    }

    @Test
    void theApiSchemaHasNoFederationInternalsInSdlOrIntrospection() {
        String sdl = given().auth().oauth2(TestTokens.viewer()).get("/graphql/schema.graphql")
                .then().statusCode(200).extract().asString();
        assertThat(sdl).contains("type Plan", "issuer: Organization", "indicators: [Indicator!]!", "createPlan(input: PlanInput!): Plan!")
                .doesNotContain("_entities", "_service", "_Any", "_Entity", "_Service", "@key", "link__", "FieldSet");

        JsonPath response = post("{ __schema { queryType { fields { name } } types { name } } plans { id } }");
        assertThat(response.getList("data.__schema.queryType.fields.name", String.class))
                .contains("plans", "organizations", "indicators").doesNotContain("_entities", "_service");
        assertThat(response.getList("data.__schema.types.name", String.class)).doesNotContain("_Any", "_Entity", "_Service");
        assertThat(response.getList("data.plans")).hasSize(3);
    }

    @Test
    void limitsRefuseTooDeepTooAliasedAndTooLargeOperationsWithTheirCodes() {
        String deep = "{ organizations { " + "parent { ".repeat(12) + "id" + " }".repeat(12) + " } }";
        assertThat(GraphQLClient.firstErrorCode(post(deep))).isEqualTo("QUERY_TOO_DEEP");

        StringBuilder aliases = new StringBuilder("{ ");
        for (int i = 0; i < 31; i++) {
            aliases.append("a").append(i).append(": __typename ");
        }
        assertThat(GraphQLClient.firstErrorCode(post(aliases.append("}").toString()))).isEqualTo("TOO_MANY_ALIASES");

        assertThat(GraphQLClient.firstErrorCode(post("# " + "x".repeat(20_000) + "\n{ plans { id } }"))).isEqualTo("QUERY_TOO_LARGE");
        assertThat(requests(orgUrl)).isEmpty();
    }

    @Test
    void invalidOperationsAreRefusedBeforeAnySubgraphIsCalled() {
        JsonPath response = post("{ plans { nope } }");
        assertThat(GraphQLClient.firstErrorCode(response)).isEqualTo("GRAPHQL_VALIDATION_FAILED");
        assertThat(response.getMap("$")).doesNotContainKey("data");
        assertThat(GraphQLClient.firstErrorCode(post("{ plans { "))).isEqualTo("GRAPHQL_PARSE_FAILED");
        assertThat(requests(planUrl)).isEmpty();
    }

    @Test
    void onlyAdminsMayRecomposeTheSupergraph() {
        given().auth().oauth2(TestTokens.viewer()).post("/admin/recompose").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).post("/admin/recompose").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("composed"));
    }

    @Test
    void aSubgraphThatTimesOutYieldsNullsAndATimeoutErrorNamingTheService() {
        mode(indicatorUrl, "slow");

        JsonPath response = post("{ plan(id: \"p2\") { title indicatorSummary } }");

        assertThat(response.getString("data.plan.title")).isEqualTo("Plan B");
        assertThat(response.getMap("data.plan")).containsEntry("indicatorSummary", null);
        assertThat(response.getString("errors[0].extensions.code")).isEqualTo("SUBGRAPH_TIMEOUT");
        assertThat(response.getString("errors[0].extensions.serviceName")).isEqualTo("indicator-service");
        assertThat(response.getList("errors[0].path")).containsExactly("plan", "indicatorSummary");
    }

    @Test
    void aMutationTakingLongerThanTheSubgraphsReadTimeoutIsWaitedForAndAnswersItsResult() {
        mode(indicatorUrl, "slow");

        JsonPath response = post("mutation { confirmIndicator(id: \"i1\") { id name } }");

        assertThat(response.getList("errors")).isNull();
        assertThat(response.getString("data.confirmIndicator.name")).isEqualTo("耕地保有量");
    }

    @Test
    void aRecompositionWithConflictingSchemasIsRefusedWithTheConflictAndTheCurrentSupergraphStaysInService() {
        mode(planUrl, "conflicting-sdl");

        given().auth().oauth2(TestTokens.admin()).post("/admin/recompose").then().statusCode(409)
                .body("status", org.hamcrest.Matchers.equalTo("failed"))
                .body("conflicts", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("Organization.id"),
                        org.hamcrest.Matchers.containsString("Int! in plan-service"))));

        assertThat(post("{ plans { title } }").getList("data.plans.title")).hasSize(3);
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void fieldsUnderATypeConditionOnAnInterfaceAreCompletedFromOtherSubgraphsForObjectsOfThatType() {
        JsonPath response = post("{ documents { kind: __typename title ... on Plan { indicators { name } issuer { code } } } }");

        assertThat(response.getList("errors")).isNull();
        assertThat(response.getList("data.documents.kind")).containsExactly("Plan", "Plan", "Plan");
        assertThat(response.getList("data.documents[0].indicators.name")).containsExactly("耕地保有量", "城镇新增就业");
        assertThat(response.getList("data.documents[1].indicators")).isEmpty();
        assertThat(response.getList("data.documents.issuer.code")).containsExactly("nmg", "nmg.zjt", "nmg");
        assertThat(requests(indicatorUrl)).hasSize(1);
        assertThat(requests(orgUrl)).hasSize(1);
    }
}
