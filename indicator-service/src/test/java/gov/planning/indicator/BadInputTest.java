package gov.planning.indicator;

import static gov.planning.indicator.Fixtures.CREATE;
import static gov.planning.indicator.Fixtures.RECORD;
import static gov.planning.indicator.Fixtures.SET_TARGETS;
import static gov.planning.indicator.Fixtures.create;
import static gov.planning.indicator.Fixtures.indicator;
import static gov.planning.testing.BadInput.of;
import static gov.planning.testing.BadInput.raw;
import static gov.planning.testing.BadInput.vars;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.planning.testing.BadInput;
import gov.planning.testing.BadInput.Case;
import gov.planning.testing.GraphQLClient;
import gov.planning.testing.TestDatabase;
import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Every refused input of indicator-service answers a documented code, never a 5xx or internals, and writes nothing:
 * values outside what their unit allows (README "Units"), non-finite and absurd numbers, broken text, malformed ids.
 */
@QuarkusTest
class BadInputTest {

    private static final String ADMIN = TestTokens.admin();
    private static final String BAD = "BAD_USER_INPUT";

    private static long rows() {
        return TestDatabase.count("SELECT (SELECT count(*) FROM indicator) + (SELECT count(*) FROM indicator_responsible_org)"
                + " + (SELECT count(*) FROM regional_target) + (SELECT count(*) FROM observation) + (SELECT count(*) FROM audit_trail)");
    }

    private static Map<String, Object> withValue(String unit, String field, Object value) {
        Map<String, Object> input = indicator("指标", unit, "AT_LEAST", 1.0, 2020, 50, 2025);
        input.put(field, value);
        return input;
    }

    @Test
    void everyBadInputIsRefusedWithItsCodeWithoutInternalsAndWritesNothing() {
        String plan = FakePlanIssuers.planIssuedBy("nmg");
        String area = create(plan, indicator("营造林面积", "万亩", "AT_LEAST", 0.0, 2020, 1000, 2025));
        String rate = create(plan, indicator("森林覆盖率", "%", "AT_LEAST", 20.0, 2020, 25, 2025));
        String region = FakeOrgTree.ids("nmg.chifeng");
        List<Case> cases = new ArrayList<>();

        // values each unit cannot take, and numbers no plan states
        cases.add(of("rate target over 100 %", BAD, CREATE, vars("planId", plan, "input", withValue("%", "targetValue", 100.5))));
        cases.add(of("rate target negative", BAD, CREATE, vars("planId", plan, "input", withValue("%", "targetValue", -1.0))));
        cases.add(of("per-mille target over 1000", BAD, CREATE, vars("planId", plan, "input", withValue("‰", "targetValue", 1200.0))));
        cases.add(of("area baseline negative", BAD, CREATE, vars("planId", plan, "input", withValue("万亩", "baselineValue", -3.0))));
        cases.add(of("persons target negative", BAD, CREATE, vars("planId", plan, "input", withValue("万人", "targetValue", -10.0))));
        cases.add(of("count target negative", BAD, CREATE, vars("planId", plan, "input", withValue("个", "targetValue", -1.0))));
        cases.add(of("age over 150", BAD, CREATE, vars("planId", plan, "input", withValue("岁", "targetValue", 200.0))));
        cases.add(of("target 1e308", BAD, CREATE, vars("planId", plan, "input", withValue("亿元", "targetValue", 1e308))));
        cases.add(of("target -1e308", BAD, CREATE, vars("planId", plan, "input", withValue("亿元", "targetValue", -1e308))));
        cases.add(of("target beyond 1e15 without unit", BAD, CREATE, vars("planId", plan, "input", withValue(null, "targetValue", 2e15))));
        cases.add(raw("target variable 1e309 (infinite)", BAD, "{\"query\":\"mutation($p: ID!, $v: Float!) { createIndicator(planId: $p, input: "
                + "{ name: \\\"x\\\", comparator: AT_LEAST, targetValue: $v }) { id } }\",\"variables\":{\"p\":\"" + plan + "\",\"v\":1e309}}"));
        cases.add(of("target not a number", BAD, CREATE, vars("planId", plan, "input", withValue("个", "targetValue", "很多"))));
        cases.add(of("regional row negative", BAD, SET_TARGETS, vars("id", area, "period", "2025",
                "rows", List.of(Map.of("regionId", region, "value", -5.0)), "total", null, "unit", null)));
        cases.add(of("regional total negative", BAD, SET_TARGETS, vars("id", area, "period", "2025",
                "rows", List.of(Map.of("regionId", region, "value", 5.0)), "total", -5.0, "unit", null)));
        cases.add(of("regional row 1e308", BAD, SET_TARGETS, vars("id", area, "period", "2025",
                "rows", List.of(Map.of("regionId", region, "value", 1e308)), "total", null, "unit", null)));
        cases.add(of("regional total 1e308", BAD, SET_TARGETS, vars("id", area, "period", "2025",
                "rows", List.of(Map.of("regionId", region, "value", 1.0)), "total", 1e308, "unit", "亩")));
        cases.add(of("regional rate over 100", BAD, SET_TARGETS, vars("id", rate, "period", "2025",
                "rows", List.of(Map.of("regionId", region, "value", 130.0)), "total", null, "unit", null)));
        cases.add(of("regional rate in per-mille over 1000", BAD, SET_TARGETS, vars("id", rate, "period", "2025",
                "rows", List.of(Map.of("regionId", region, "value", 1001.0)), "total", null, "unit", "‰")));
        cases.add(of("observation negative area", BAD, RECORD, vars("id", area, "region", region, "period", "2024", "value", -0.5, "source", null)));
        cases.add(of("observation rate over 100", BAD, RECORD, vars("id", rate, "region", null, "period", "2024", "value", 100.01, "source", null)));
        cases.add(of("observation 1e308", BAD, RECORD, vars("id", area, "region", null, "period", "2024", "value", 1e308, "source", null)));
        cases.add(of("observation -1e308", BAD, RECORD, vars("id", area, "region", null, "period", "2024", "value", -1e308, "source", null)));

        // broken text
        cases.add(of("indicator name NUL", BAD, CREATE, vars("planId", plan, "input", withValue("个", "name", "指标\u0000"))));
        cases.add(of("indicator name surrogate", BAD, CREATE, vars("planId", plan, "input", withValue("个", "name", "\ud800指标"))));
        cases.add(of("indicator name line break", BAD, CREATE, vars("planId", plan, "input", withValue("个", "name", "指标\r\n"))));
        cases.add(of("unit control", BAD, CREATE, vars("planId", plan, "input", withValue("万\u0001亩", "targetValue", 1.0))));
        cases.add(of("period NUL", BAD, SET_TARGETS, vars("id", area, "period", "2025\u0000",
                "rows", List.of(Map.of("regionId", region, "value", 5.0)), "total", null, "unit", null)));
        cases.add(of("observation source NUL", BAD, RECORD, vars("id", area, "region", null, "period", "2024", "value", 1.0, "source", "年报\u0000")));
        cases.add(of("observation period surrogate", BAD, RECORD, vars("id", area, "region", null, "period", "2024\udc00", "value", 1.0, "source", null)));

        // malformed ids
        cases.add(of("indicator(id)", BAD, "{ indicator(id: \"x\") { id } }", vars()));
        cases.add(of("indicators(planId)", BAD, "{ indicators(planId: \"plan-1\") { __typename } }", vars()));
        cases.add(of("indicators(orgId)", BAD, "{ indicators(orgId: \"nmg.zjt\") { __typename } }", vars()));
        cases.add(of("create planId", BAD, CREATE, vars("planId", "x", "input", withValue("个", "targetValue", 1.0))));
        cases.add(of("responsibleOrgIds", BAD, CREATE, vars("planId", plan, "input", withValue("个", "responsibleOrgIds", List.of("x")))));
        cases.add(of("row regionId", BAD, SET_TARGETS, vars("id", area, "period", "2025",
                "rows", List.of(Map.of("regionId", "chifeng", "value", 5.0)), "total", null, "unit", null)));
        cases.add(of("observation regionId", BAD, RECORD, vars("id", area, "region", "1-2-3-4-5", "period", "2024", "value", 1.0, "source", null)));
        cases.add(of("delete id", BAD, "mutation { deleteIndicator(id: \"" + area + "0\") }", vars()));

        // requests that are not GraphQL
        cases.add(of("unknown field of an indicator", "GRAPHQL_VALIDATION_FAILED", "{ indicator(id: \"" + area + "\") { nope } }", vars()));
        cases.addAll(BadInput.malformedRequests());

        assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
        assertThat(BadInput.failures(cases, ADMIN, BadInputTest::rows)).isEmpty();
    }

    @Test
    void anIntLiteralOrVariableBeyond32BitsIsRefusedAtThisSubgraphsOwnEndpointAsAtTheGatewayWhileAFloatMayBeThatBig() {
        String plan = FakePlanIssuers.planIssuedBy("nmg");
        List<Case> cases = List.of(
                of("Int literal 2^31", "GRAPHQL_VALIDATION_FAILED", "{ indicators(first: 2147483648) { totalCount } }", vars()),
                of("Int literal -2^31-1 in an input", "GRAPHQL_VALIDATION_FAILED", "mutation { createIndicator(planId: \"" + plan
                        + "\", input: { name: \"大数\", unit: \"个\", comparator: AT_LEAST, targetValue: 1, targetYear: -2147483649 }) { id } }", vars()),
                of("Int variable 2^31", BAD, "query($n: Int) { indicators(first: $n) { totalCount } }", vars("n", 2147483648L)));
        assertThat(BadInput.failures(cases, ADMIN, BadInputTest::rows)).isEmpty();

        JsonPath bigFloat = GraphQLClient.post(ADMIN, "mutation { createIndicator(planId: \"" + plan
                + "\", input: { name: \"二十亿个\", unit: \"个\", comparator: AT_LEAST, targetValue: 2147483648 }) { target { value } } }", Map.of());
        assertThat(bigFloat.getString("errors")).isNull();
        assertThat(bigFloat.getDouble("data.createIndicator.target.value")).isEqualTo(2147483648.0);
    }

    @Test
    void aFragmentBombIsRefusedAsTooComplexAndTheNextOrdinaryRequestIsServed() {
        String plan = FakePlanIssuers.planIssuedBy("nmg");
        create(plan, indicator("炸弹之后", "个", "AT_LEAST", 0.0, 2020, 10, 2025));

        JsonPath bomb = GraphQLClient.post(ADMIN, BadInput.fragmentBomb(60), Map.of());

        assertThat(bomb.getString("errors[0].extensions.code")).isEqualTo("QUERY_TOO_COMPLEX");
        assertThat(bomb.getString("data")).isNull();
        JsonPath next = GraphQLClient.post(ADMIN, "query($p: ID) { indicators(planId: $p) { edges { node { name } } } }", Map.of("p", plan));
        assertThat(next.getList("data.indicators.edges.node.name")).containsExactly("炸弹之后");
    }

    @Test
    void valuesAtTheEdgeOfTheirUnitAreAccepted() {
        String plan = FakePlanIssuers.planIssuedBy("nmg");
        assertThat(create(plan, indicator("覆盖率上限", "%", "AT_MOST", 0.0, 2020, 100, 2025))).isNotNull();
        assertThat(create(plan, indicator("财政收支差额", "亿元", "AT_LEAST", -12.5, 2020, 0, 2025))).isNotNull();
    }
}
