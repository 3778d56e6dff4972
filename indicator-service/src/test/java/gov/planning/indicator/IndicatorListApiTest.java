package gov.planning.indicator;

import static gov.planning.indicator.Fixtures.create;
import static gov.planning.indicator.Fixtures.indicator;
import static gov.planning.indicator.Fixtures.newOrg;
import static gov.planning.indicator.Fixtures.newPlan;
import static gov.planning.indicator.Fixtures.record;
import static gov.planning.testing.GraphQLClient.firstErrorCode;
import static gov.planning.testing.GraphQLClient.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import gov.planning.common.api.TextSearch;
import gov.planning.testing.TestClock;
import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class IndicatorListApiTest {

    static final String LIST = """
            query($planId: ID, $orgId: ID, $nature: IndicatorNature, $health: Health, $met: Boolean, $search: String,
                  $sortBy: IndicatorSort, $order: SortOrder, $first: Int, $after: String) {
              indicators(planId: $planId, orgId: $orgId, nature: $nature, health: $health, met: $met, search: $search,
                         sortBy: $sortBy, order: $order, first: $first, after: $after) {
                totalCount
                pageInfo { hasNextPage endCursor }
                edges { cursor node { id name progress met health } }
              }
            }""";

    @Inject
    TestClock clock;

    @Inject
    DataSource db;

    @AfterEach
    void backToSystemTime() {
        clock.useSystemTime();
    }

    /** Variables from name/value pairs; absent ones are not sent. */
    static Map<String, Object> vars(Object... pairs) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            variables.put((String) pairs[i], pairs[i + 1]);
        }
        return variables;
    }

    static JsonPath list(Map<String, Object> variables) {
        JsonPath page = post(TestTokens.viewer(), LIST, variables);
        assertThat(page.getString("errors")).isNull();
        return page;
    }

    static List<String> names(Map<String, Object> variables) {
        return list(variables).getList("data.indicators.edges.node.name");
    }

    private static void reported(String indicatorId, String period, double value) {
        assertThat(record(TestTokens.admin(), indicatorId, null, period, value, null).getString("errors")).isNull();
    }

    private static String named(String plan, String name) {
        return create(plan, indicator(name, "%", "AT_LEAST", 60.0, 2020, 70, 2025));
    }

    @Test
    void pagingWalksPastTheFirstPageUntilTheLastWithTheTotal() {
        String plan = newPlan();
        List<String> created = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            created.add(named(plan, "指标" + i));
        }
        JsonPath first = list(vars("planId", plan, "first", 3));
        assertThat(first.getInt("data.indicators.totalCount")).isEqualTo(7);
        assertThat(first.getBoolean("data.indicators.pageInfo.hasNextPage")).isTrue();
        assertThat(first.getList("data.indicators.edges.node.name")).containsExactly("指标1", "指标2", "指标3");

        JsonPath second = list(vars("planId", plan, "first", 3, "after", first.getString("data.indicators.pageInfo.endCursor")));
        assertThat(second.getList("data.indicators.edges.node.name")).containsExactly("指标4", "指标5", "指标6");
        assertThat(second.getInt("data.indicators.totalCount")).isEqualTo(7);
        assertThat(second.getBoolean("data.indicators.pageInfo.hasNextPage")).isTrue();

        JsonPath last = list(vars("planId", plan, "first", 3, "after", second.getString("data.indicators.pageInfo.endCursor")));
        assertThat(last.getList("data.indicators.edges.node.id")).containsExactly(created.get(6));
        assertThat(last.getBoolean("data.indicators.pageInfo.hasNextPage")).isFalse();

        JsonPath beyond = list(vars("planId", plan, "first", 3, "after", last.getString("data.indicators.pageInfo.endCursor")));
        assertThat(beyond.getList("data.indicators.edges")).isEmpty();
        assertThat(beyond.getInt("data.indicators.totalCount")).isEqualTo(7);
        assertThat(beyond.getString("data.indicators.pageInfo.endCursor")).isNull();
    }

    @Test
    void equalNamesAreOrderedByIdSoPagesNeitherRepeatNorSkip() {
        // a plan names each indicator once, so the ties are the same indicator of five plans
        String marker = "同名" + System.nanoTime();
        List<String> sameName = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sameName.add(named(newPlan(), "b " + marker));
        }
        String first = named(newPlan(), "a " + marker);
        List<String> paged = new ArrayList<>();
        String after = null;
        do {
            JsonPath page = list(vars("search", marker, "sortBy", "NAME", "first", 2, "after", after));
            paged.addAll(page.getList("data.indicators.edges.node.id"));
            after = page.getBoolean("data.indicators.pageInfo.hasNextPage") ? page.getString("data.indicators.pageInfo.endCursor") : null;
        } while (after != null);

        sameName.sort(Comparator.naturalOrder()); // PostgreSQL orders uuids as their lower-case text
        List<String> expected = new ArrayList<>(List.of(first));
        expected.addAll(sameName);
        assertThat(paged).containsExactlyElementsOf(expected);
        assertThat(list(vars("search", marker, "sortBy", "NAME", "first", 6)).getList("data.indicators.edges.node.id"))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void sortsByNameAndPlanOrderInBothDirections() {
        String plan = newPlan();
        named(plan, "b 指标");
        named(plan, "c 指标");
        named(plan, "a 指标");
        assertThat(names(vars("planId", plan))).containsExactly("b 指标", "c 指标", "a 指标");
        assertThat(names(vars("planId", plan, "sortBy", "PLAN_ORDER", "order", "DESC"))).containsExactly("a 指标", "c 指标", "b 指标");
        assertThat(names(vars("planId", plan, "sortBy", "NAME"))).containsExactly("a 指标", "b 指标", "c 指标");
        assertThat(names(vars("planId", plan, "sortBy", "NAME", "order", "DESC"))).containsExactly("c 指标", "b 指标", "a 指标");
    }

    @Test
    void sortsByProgressWithIndicatorsWithoutProgressLastInEitherOrder() {
        String plan = newPlan();
        reported(named(plan, "half"), "2023", 65.0);
        named(plan, "nothing yet");
        reported(named(plan, "a tenth"), "2023", 61.0);
        reported(named(plan, "all of it"), "2023", 70.0);
        assertThat(names(vars("planId", plan, "sortBy", "PROGRESS"))).containsExactly("a tenth", "half", "all of it", "nothing yet");
        assertThat(names(vars("planId", plan, "sortBy", "PROGRESS", "order", "DESC")))
                .containsExactly("all of it", "half", "a tenth", "nothing yet");
    }

    @Test
    void sortsByTheLastAuditedWriteNewestFirstByDefault() {
        String plan = newPlan();
        clock.setToday(LocalDate.of(2024, 1, 1));
        String older = named(plan, "older");
        clock.setToday(LocalDate.of(2024, 2, 1));
        named(plan, "newer");
        assertThat(names(vars("planId", plan, "sortBy", "UPDATED"))).containsExactly("newer", "older");
        // A value reported for the older indicator is a write to it.
        clock.setToday(LocalDate.of(2024, 3, 1));
        reported(older, "2023", 65.0);
        assertThat(names(vars("planId", plan, "sortBy", "UPDATED"))).containsExactly("older", "newer");
        assertThat(names(vars("planId", plan, "sortBy", "UPDATED", "order", "ASC"))).containsExactly("newer", "older");
    }

    @Test
    void filtersByResponsibleOrganizationAndNatureAndAcrossPlans() {
        String plan = newPlan();
        String otherPlan = newPlan();
        String housing = newOrg();
        Map<String, Object> binding = indicator("约束性 住建", "%", "AT_LEAST", null, null, 90, 2025);
        binding.put("nature", "BINDING");
        binding.put("responsibleOrgIds", List.of(housing));
        create(plan, binding);
        Map<String, Object> expected = indicator("预期性 住建", "%", "AT_LEAST", null, null, 90, 2025);
        expected.put("nature", "EXPECTED");
        expected.put("responsibleOrgIds", List.of(newOrg(), housing));
        create(otherPlan, expected);
        named(plan, "无责任单位");

        assertThat(names(vars("orgId", housing))).containsExactlyInAnyOrder("约束性 住建", "预期性 住建");
        assertThat(names(vars("orgId", housing, "planId", otherPlan))).containsExactly("预期性 住建");
        assertThat(names(vars("orgId", housing, "nature", "BINDING"))).containsExactly("约束性 住建");
        assertThat(names(vars("planId", plan, "nature", "EXPECTED"))).isEmpty();
        assertThat(list(vars("planId", plan)).getInt("data.indicators.totalCount")).isEqualTo(2);
    }

    @Test
    void filtersByHealthAndMetAgreeWithTheFieldsOfEachIndicator() {
        clock.setToday(LocalDate.of(2023, 7, 2));
        String plan = newPlan();
        reported(named(plan, "on track"), "2023", 66.0);
        reported(named(plan, "behind"), "2023", 61.0);
        reported(named(plan, "met"), "2023", 71.0);
        named(plan, "nothing observed");
        String passed = create(plan, indicator("target year passed", "%", "AT_LEAST", 60.0, 2018, 70, 2022));
        reported(passed, "2022", 66.0);

        assertThat(names(vars("planId", plan, "health", "GREEN"))).containsExactly("on track");
        assertThat(names(vars("planId", plan, "health", "YELLOW"))).containsExactly("behind", "nothing observed");
        assertThat(names(vars("planId", plan, "health", "DONE"))).containsExactly("met");
        assertThat(names(vars("planId", plan, "health", "RED"))).containsExactly("target year passed");
        assertThat(names(vars("planId", plan, "met", true))).containsExactly("met");
        // Without a value an indicator is neither met nor missed.
        assertThat(names(vars("planId", plan, "met", false))).containsExactly("on track", "behind", "target year passed");
        JsonPath yellow = list(vars("planId", plan, "health", "YELLOW"));
        assertThat(yellow.getList("data.indicators.edges.node.health")).containsOnly("YELLOW");
        assertThat(yellow.getInt("data.indicators.totalCount")).isEqualTo(2);
    }

    @Test
    void searchFindsAChineseSubstringOfTheName() {
        String plan = newPlan();
        named(plan, "常住人口城镇化率");
        named(plan, "户籍人口城镇化率");
        named(plan, "城镇供水管网漏损率");
        assertThat(names(vars("planId", plan, "search", "城镇化"))).containsExactly("常住人口城镇化率", "户籍人口城镇化率");
        assertThat(names(vars("planId", plan, "search", "漏损"))).containsExactly("城镇供水管网漏损率");
        assertThat(names(vars("planId", plan, "search", " 城镇 "))).hasSize(3);
        assertThat(names(vars("planId", plan, "search", "化"))).hasSize(2);
        assertThat(names(vars("planId", plan, "search", "城镇化漏损"))).isEmpty();
        assertThat(names(vars("planId", plan, "search", ""))).hasSize(3);
    }

    @Test
    void searchTakesPercentAndUnderscoreLiterally() {
        String plan = newPlan();
        named(plan, "达标率_100%");
        named(plan, "达标率X100Y");
        named(plan, "Rate 100 PERCENT");
        assertThat(names(vars("planId", plan, "search", "_100%"))).containsExactly("达标率_100%");
        assertThat(names(vars("planId", plan, "search", "%"))).containsExactly("达标率_100%");
        assertThat(names(vars("planId", plan, "search", "率_"))).containsExactly("达标率_100%");
        assertThat(names(vars("planId", plan, "search", "rate 100"))).containsExactly("Rate 100 PERCENT");
    }

    @Test
    void searchIsAnsweredFromTheBigramIndexOfTheName() throws SQLException {
        String condition = TextSearch.condition("i.name", "search").replace(":searchPattern", "?").replace(":search", "?");
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (Statement off = c.createStatement();
                    PreparedStatement explain = c.prepareStatement("EXPLAIN SELECT i.id FROM indicator i WHERE " + condition)) {
                // The table of a test run is small enough for a sequential scan; this asks whether the index can serve.
                off.execute("SET LOCAL enable_seqscan = off");
                explain.setString(1, "城镇化");
                explain.setString(2, TextSearch.containsPattern("城镇化"));
                StringBuilder plan = new StringBuilder();
                try (ResultSet r = explain.executeQuery()) {
                    while (r.next()) {
                        plan.append(r.getString(1)).append('\n');
                    }
                }
                assertThat(plan.toString()).contains("indicator_name_search_idx");
            } finally {
                c.rollback();
            }
        }
    }

    @Test
    void badPagingAndOverlongSearchAreBadUserInputNamingTheArgument() {
        JsonPath tooMany = post(TestTokens.viewer(), LIST, vars("first", 501));
        assertThat(firstErrorCode(tooMany)).isEqualTo("BAD_USER_INPUT");
        assertThat(tooMany.getString("errors[0].message")).contains("first");
        JsonPath forged = post(TestTokens.viewer(), LIST, vars("after", "not-a-cursor"));
        assertThat(firstErrorCode(forged)).isEqualTo("BAD_USER_INPUT");
        assertThat(forged.getString("errors[0].message")).contains("after");
        JsonPath longSearch = post(TestTokens.viewer(), LIST, vars("search", "长".repeat(101)));
        assertThat(firstErrorCode(longSearch)).isEqualTo("BAD_USER_INPUT");
        assertThat(longSearch.getString("errors[0].message")).contains("search");
    }

    private static final String EVERY_FIELD = """
            id name unit nature comparator version additive createdBy updatedBy updatedAt plan { id } responsibleOrgs { id }
            baseline { value year } target { value year } progress met health
            latest { id region { id } period value source reportedBy reportedAt supersedes derivedFrom }""";

    @Test
    void anIndicatorOfTheListAnswersEveryFieldAsItDoesReadByItsId() {
        String plan = newPlan();
        String region = newOrg();
        Map<String, Object> binding = indicator("耕地保有量", "万亩", "AT_LEAST", 10.0, 2020, 20, 2025);
        binding.put("nature", "BINDING");
        binding.put("responsibleOrgIds", List.of(newOrg(), newOrg()));
        String summed = create(plan, binding);
        record(TestTokens.admin(), summed, region, "2023", 12.5, "统计年鉴");
        String corrected = create(plan, indicator("森林覆盖率", "%", "ABOUT", null, null, 23, 2030));
        record(TestTokens.admin(), corrected, null, "2022", 21.0, null);
        record(TestTokens.admin(), corrected, null, "2022", 21.5, "更正");
        create(plan, indicator("无单位指标", null, "AT_MOST", 5.0, 2021, 1, 2024));

        JsonPath listed = post(TestTokens.viewer(), "query($p: ID) { indicators(planId: $p) { edges { node { " + EVERY_FIELD + " } } } }",
                Map.of("p", plan));
        assertThat(listed.getString("errors")).isNull();
        List<Map<String, Object>> nodes = listed.getList("data.indicators.edges.node");
        assertThat(nodes).extracting(n -> n.get("name")).containsExactly("耕地保有量", "森林覆盖率", "无单位指标");
        for (Map<String, Object> node : nodes) {
            JsonPath one = post(TestTokens.viewer(), "query($id: ID!) { indicator(id: $id) { " + EVERY_FIELD + " } }",
                    Map.of("id", node.get("id")));
            assertThat(one.getString("errors")).isNull();
            assertThat(node).isEqualTo(one.getMap("data.indicator"));
        }
        // The values the list read itself, not only agreement: the sum of the region's value and the correction.
        assertThat(nodes.get(0)).containsEntry("nature", "BINDING").containsEntry("additive", true);
        assertThat(listed.getDouble("data.indicators.edges[0].node.latest.value")).isEqualTo(12.5);
        assertThat(listed.getList("data.indicators.edges[0].node.responsibleOrgs")).hasSize(2);
        assertThat(listed.getDouble("data.indicators.edges[1].node.latest.value")).isEqualTo(21.5);
        assertThat(listed.getString("data.indicators.edges[1].node.latest.supersedes")).isNotNull();
        assertThat(listed.getString("data.indicators.edges[2].node.latest")).isNull();
    }
}
