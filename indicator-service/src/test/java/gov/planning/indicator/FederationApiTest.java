package gov.planning.indicator;

import static gov.planning.indicator.Fixtures.create;
import static gov.planning.indicator.Fixtures.indicator;
import static gov.planning.indicator.Fixtures.newOrg;
import static gov.planning.indicator.Fixtures.newPlan;
import static gov.planning.testing.GraphQLClient.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class FederationApiTest {

    private static Map<String, Object> withOrgs(String name, String... orgIds) {
        Map<String, Object> input = indicator(name, "公里", "AT_LEAST", null, null, 100, 2025);
        input.put("responsibleOrgIds", List.of(orgIds));
        return input;
    }

    @Inject
    CountingReadSessions reads;

    private static final String PLANS_WITH_EVERYTHING = """
            query($r: [_Any!]!) { _entities(representations: $r) { ... on Plan { id indicators {
              name responsibleOrgs { id } regionalTargets { value } observations { value } latest { value }
              progress met health } } } }""";

    private int readsToResolve(List<String> planIds) {
        List<Map<String, Object>> representations = planIds.stream()
                .map(id -> Map.<String, Object>of("__typename", "Plan", "id", id)).toList();
        reads.reset();
        JsonPath resolved = post(TestTokens.viewer(), PLANS_WITH_EVERYTHING, Map.of("r", representations));
        assertThat(resolved.getString("errors")).isNull();
        return reads.count();
    }

    @Test
    void everyFieldCostsOneQueryPerRequestWhateverTheNumberOfPlansAndIndicators() {
        String region = newOrg();
        List<String> plans = new java.util.ArrayList<>();
        for (int p = 0; p < 3; p++) {
            String plan = newPlan();
            plans.add(plan);
            for (int i = 0; i < 2; i++) {
                String id = create(plan, withOrgs("指标" + p + i, newOrg()));
                Fixtures.setTargets(TestTokens.admin(), id, "2022", List.of(Fixtures.row(region, 10)), 10.0, null);
                Fixtures.record(TestTokens.admin(), id, region, "2022", 5.0, null);
            }
        }
        int twoIndicatorsOfOnePlan = readsToResolve(plans.subList(0, 1));
        int sixIndicatorsOfThreePlans = readsToResolve(plans);
        // Plan.indicators, then responsibleOrgs, regionalTargets and observations, each one query for the whole batch
        // (Hibernate sessions, counted here). latest, progress, met and health share one statement on the reactive SQL
        // client, outside these sessions: IndicatorListStatementsTest counts it with every other statement.
        assertThat(sixIndicatorsOfThreePlans).isEqualTo(twoIndicatorsOfOnePlan).isEqualTo(4);
    }

    @Test
    void severalPlansResolveTheirIndicatorsInOneEntitiesCall() {
        String planA = newPlan();
        String planB = newPlan();
        String planWithout = newPlan();
        create(planA, withOrgs("城市道路里程"));
        create(planA, withOrgs("农村公路里程"));
        create(planB, withOrgs("城市地下管网"));

        JsonPath entities = post(TestTokens.viewer(),
                "query($r: [_Any!]!) { _entities(representations: $r) { ... on Plan { id indicators { name plan { id } } } } }",
                Map.of("r", List.of(Map.of("__typename", "Plan", "id", planB), Map.of("__typename", "Plan", "id", planWithout),
                        Map.of("__typename", "Plan", "id", planA))));
        assertThat(entities.getString("errors")).isNull();
        assertThat(entities.getString("data._entities[0].id")).isEqualTo(planB);
        assertThat(entities.getList("data._entities[0].indicators.name")).containsExactly("城市地下管网");
        assertThat(entities.getList("data._entities[1].indicators")).isEmpty();
        assertThat(entities.getList("data._entities[2].indicators.name")).containsExactly("城市道路里程", "农村公路里程");
        assertThat(entities.getList("data._entities[2].indicators.plan.id")).containsOnly(planA);
    }

    @Test
    void organizationsResolveTheIndicatorsTheyAreResponsibleForInOneEntitiesCall() {
        String plan = newPlan();
        String transport = newOrg();
        String housing = newOrg();
        String idle = newOrg();
        create(plan, withOrgs("高速公路里程", transport));
        create(plan, withOrgs("城市道路里程", housing, transport));

        JsonPath entities = post(TestTokens.viewer(),
                "query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { id indicators { name } } } }",
                Map.of("r", List.of(Map.of("__typename", "Organization", "id", transport),
                        Map.of("__typename", "Organization", "id", housing), Map.of("__typename", "Organization", "id", idle))));
        assertThat(entities.getString("errors")).isNull();
        assertThat(entities.getList("data._entities[0].indicators.name")).containsExactly("高速公路里程", "城市道路里程");
        assertThat(entities.getList("data._entities[1].indicators.name")).containsExactly("城市道路里程");
        assertThat(entities.getList("data._entities[2].indicators")).isEmpty();
    }

    @Test
    void responsibleOrgsKeepThePlansOrderAndIndicatorsCanBeListedByOrg() {
        String plan = newPlan();
        String lead = newOrg();
        String second = newOrg();
        String id = create(plan, withOrgs("城市道路里程", lead, second));
        JsonPath read = post(TestTokens.viewer(), "query($id: ID!) { indicator(id: $id) { additive responsibleOrgs { id } } }",
                Map.of("id", id));
        assertThat(read.getList("data.indicator.responsibleOrgs.id")).containsExactly(lead, second);
        assertThat(read.getBoolean("data.indicator.additive")).isTrue();

        JsonPath byOrg = post(TestTokens.viewer(), "query($o: ID!) { indicators(orgId: $o) { edges { node { id } } } }", Map.of("o", second));
        assertThat(byOrg.getList("data.indicators.edges.node.id")).containsExactly(id);
    }

    @Test
    void schemaCarriesTheContractShapesOfTheApiSketch() {
        String schema = given().header("Authorization", "Bearer " + TestTokens.viewer()).when().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        try {
            // Kept for reviewers and the gateway team: the subgraph schema this build serves.
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "indicator-subgraph.graphql"), schema);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // Plan.indicators and Organization.indicators: nullable, so an outage of this service nulls only them.
        assertThat(schema).containsPattern("indicators: \\[Indicator!\\]\\s").doesNotContain("indicators: [Indicator!]!");
        assertThat(schema).contains("indicators(after: String, first: Int, health: Health, met: Boolean, nature: IndicatorNature, "
                + "order: SortOrder, orgId: ID, planId: ID, search: String, sortBy: IndicatorSort): IndicatorConnection!");
        assertThat(schema).contains("history: [HistoryEntry!]!");
        assertThat(schema).contains("regionalTargets(period: String): [RegionalTarget!]!");
        assertThat(schema).contains("observations(region: ID): [Observation!]!");
        assertThat(schema).contains("health: Health!");
        // Fields pointing into org-service and plan-service: nullable too, so their outage nulls only them.
        assertThat(schema).containsPattern("responsibleOrgs: \\[Organization!\\]\\s").doesNotContain("responsibleOrgs: [Organization!]!");
        assertThat(schema).containsPattern("plan: Plan\\s").doesNotContain("plan: Plan!");
        assertThat(schema).containsPattern("region: Organization\\s").doesNotContain("region: Organization!");
        assertThat(schema).contains("additive: Boolean!");
    }
}
