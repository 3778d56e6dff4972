package gov.planning.indicator;

import static gov.planning.indicator.Fixtures.newPlan;
import static gov.planning.testing.GraphQLClient.firstErrorCode;
import static gov.planning.testing.GraphQLClient.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class IndicatorApiTest {

    private static final String CREATE = """
            mutation($planId: ID!, $input: IndicatorInput!) {
              createIndicator(planId: $planId, input: $input) { id name unit additive comparator baseline { value year } target { value year } plan { id } }
            }""";

    private static Map<String, Object> urbanization() {
        return new HashMap<>(Map.of("name", "常住人口城镇化率", "unit", "%", "nature", "EXPECTED", "comparator", "AT_LEAST",
                "baselineValue", 60.3, "baselineYear", 2015, "targetValue", 65.0, "targetYear", 2020));
    }

    private static JsonPath create(String token, String planId, Map<String, Object> input) {
        return post(token, CREATE, Map.of("planId", planId, "input", input));
    }

    @Test
    void plannerSetsAnIndicatorThatIsListedForItsPlan() {
        String planId = FakePlanIssuers.planIssuedBy("nmg");
        JsonPath created = create(TestTokens.planner("nmg"), planId, urbanization());
        assertThat(created.getString("errors")).isNull();
        assertThat(created.getDouble("data.createIndicator.target.value")).isEqualTo(65.0);
        assertThat(created.getString("data.createIndicator.plan.id")).isEqualTo(planId);

        JsonPath listed = post(TestTokens.viewer(), "query($p: ID!) { indicators(planId: $p) { edges { node { name baseline { value year } } } } }",
                Map.of("p", planId));
        assertThat(listed.getList("data.indicators.edges.node.name")).containsExactly("常住人口城镇化率");
        assertThat(listed.getInt("data.indicators.edges[0].node.baseline.year")).isEqualTo(2015);
    }

    @Test
    void viewerCannotSetAnIndicatorAndNothingIsWritten() {
        String planId = newPlan();
        assertThat(firstErrorCode(create(TestTokens.viewer(), planId, urbanization()))).isEqualTo("FORBIDDEN");
        JsonPath listed = post(TestTokens.admin(), "query($p: ID!) { indicators(planId: $p) { edges { node { id } } } }", Map.of("p", planId));
        assertThat(listed.getList("data.indicators.edges")).isEmpty();
    }

    @Test
    void targetYearBeforeBaselineYearIsBadUserInputAndNothingIsWritten() {
        String planId = newPlan();
        Map<String, Object> input = urbanization();
        input.put("targetYear", 2010);
        JsonPath refused = create(TestTokens.admin(), planId, input);
        assertThat(firstErrorCode(refused)).isEqualTo("BAD_USER_INPUT");
        assertThat(refused.getString("errors[0].message")).contains("targetYear");
        assertThat(post(TestTokens.admin(), "query($p: ID!) { indicators(planId: $p) { edges { node { id } } } }", Map.of("p", planId))
                .getList("data.indicators.edges")).isEmpty();
    }

    @Test
    void malformedPlanIdIsBadUserInput() {
        assertThat(firstErrorCode(create(TestTokens.admin(), "not-an-id", urbanization()))).isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void anonymousGraphQLCallGetsHttp401() {
        given().contentType(ContentType.JSON).body(Map.of("query", "{ indicators { totalCount } }"))
                .when().post("/graphql").then().statusCode(401);
    }

    @Test
    void indicatorIsAFederationEntityResolvedInOneBatch() {
        String planId = newPlan();
        String a = create(TestTokens.admin(), planId, urbanization()).getString("data.createIndicator.id");
        Map<String, Object> leakage = urbanization();
        leakage.put("name", "城镇供水管网漏损率");
        leakage.put("comparator", "AT_MOST");
        String b = create(TestTokens.admin(), planId, leakage).getString("data.createIndicator.id");
        JsonPath entities = post(TestTokens.viewer(), "query($r: [_Any!]!) { _entities(representations: $r) { ... on Indicator { name comparator } } }",
                Map.of("r", List.of(Map.of("__typename", "Indicator", "id", b), Map.of("__typename", "Indicator", "id", a))));
        assertThat(entities.getString("data._entities[0].comparator")).isEqualTo("AT_MOST");
        assertThat(entities.getString("data._entities[1].name")).isEqualTo("常住人口城镇化率");
    }

    @Test
    void unknownUnitIsBadUserInputNamingTheKnownUnitsAndNothingIsWritten() {
        String planId = newPlan();
        Map<String, Object> input = urbanization();
        input.put("unit", "两");
        JsonPath refused = create(TestTokens.admin(), planId, input);
        assertThat(firstErrorCode(refused)).isEqualTo("BAD_USER_INPUT");
        assertThat(refused.getString("errors[0].message")).contains("'两'").contains("万亩").contains("公里").contains("Mbps");
        assertThat(post(TestTokens.admin(), "query($p: ID!) { indicators(planId: $p) { edges { node { id } } } }", Map.of("p", planId))
                .getList("data.indicators.edges")).isEmpty();
    }

    @Test
    void additiveIsDerivedFromTheUnit() {
        String planId = newPlan();
        Map<String, Object> area = urbanization();
        area.put("name", "新增造林面积"); // one name per plan
        area.put("unit", "万亩");
        assertThat(create(TestTokens.admin(), planId, urbanization()).getBoolean("data.createIndicator.additive")).isFalse();
        assertThat(create(TestTokens.admin(), planId, area).getBoolean("data.createIndicator.additive")).isTrue();
    }

    @Test
    void malformedResponsibleOrgIdIsBadUserInput() {
        Map<String, Object> input = urbanization();
        input.put("responsibleOrgIds", List.of("住建厅"));
        JsonPath refused = create(TestTokens.admin(), newPlan(), input);
        assertThat(firstErrorCode(refused)).isEqualTo("BAD_USER_INPUT");
        assertThat(refused.getString("errors[0].message")).contains("responsibleOrgIds[0]");
    }
}
