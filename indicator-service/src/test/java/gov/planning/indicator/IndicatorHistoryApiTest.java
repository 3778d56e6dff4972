package gov.planning.indicator;

import static gov.planning.indicator.FakeOrgTree.ids;
import static gov.planning.indicator.FakePlanIssuers.planIssuedBy;
import static gov.planning.indicator.Fixtures.create;
import static gov.planning.indicator.Fixtures.indicator;
import static gov.planning.indicator.Fixtures.record;
import static gov.planning.indicator.Fixtures.row;
import static gov.planning.indicator.Fixtures.setTargets;
import static gov.planning.testing.GraphQLClient.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class IndicatorHistoryApiTest {

    private static final String HISTORY = """
            query($id: ID!) { indicator(id: $id) {
              createdBy updatedBy updatedAt
              history { at actor action changes { field before after } }
            } }""";

    private static JsonPath history(String id) {
        JsonPath read = post(TestTokens.viewer(), HISTORY, Map.of("id", id));
        assertThat(read.getString("errors")).isNull();
        return read;
    }

    /** The change of one field in one entry, as "before → after". */
    private static String change(JsonPath read, int entry, String field) {
        List<Map<String, String>> changes = read.getList("data.indicator.history[" + entry + "].changes");
        return changes.stream().filter(c -> field.equals(c.get("field"))).map(c -> c.get("before") + " → " + c.get("after"))
                .findFirst().orElse("unchanged");
    }

    @Test
    void aCreatedIndicatorShowsWhoCreatedItWithEveryFieldItWasCreatedWith() {
        String id = create(planIssuedBy("nmg"), indicator("常住人口城镇化率", "%", "AT_LEAST", 60.3, 2015, 65, 2020));
        JsonPath read = history(id);
        assertThat(read.getString("data.indicator.createdBy")).isEqualTo("admin");
        assertThat(read.getString("data.indicator.updatedBy")).isEqualTo("admin");
        assertThat(read.getList("data.indicator.history.action")).containsExactly("CREATE_INDICATOR");
        assertThat(read.getString("data.indicator.history[0].actor")).isEqualTo("admin");
        assertThat(change(read, 0, "name")).isEqualTo("null → 常住人口城镇化率");
        assertThat(change(read, 0, "targetValue")).isEqualTo("null → 65.0");
        assertThat(change(read, 0, "comparator")).isEqualTo("null → AT_LEAST");
    }

    @Test
    void laterWritesByAnotherUserComeFirstWithWhatTheyChanged() {
        String id = create(planIssuedBy("nmg"), indicator("新增城市绿地面积", "万亩", "AT_LEAST", null, null, 100, 2025));
        String planner = TestTokens.planner("nmg");
        assertThat(setTargets(planner, id, "2025", List.of(row(ids("nmg.hhht"), 60), row(ids("nmg.chifeng"), 40)), 100.0, null)
                .getString("errors")).isNull();
        assertThat(setTargets(planner, id, "2025", List.of(row(ids("nmg.hhht"), 55), row(ids("nmg.chifeng"), 45)), 100.0, null)
                .getString("errors")).isNull();
        assertThat(record(planner, id, null, "2023", 42.0, "统计公报").getString("errors")).isNull();
        assertThat(record(planner, id, null, "2023", 43.5, "统计公报（更正）").getString("errors")).isNull();

        JsonPath read = history(id);
        assertThat(read.getList("data.indicator.history.action")).containsExactly("CORRECT_OBSERVATION", "RECORD_OBSERVATION",
                "SET_REGIONAL_TARGETS", "SET_REGIONAL_TARGETS", "CREATE_INDICATOR");
        assertThat(read.getList("data.indicator.history.actor")).containsExactly("planner.nmg", "planner.nmg", "planner.nmg",
                "planner.nmg", "admin");
        assertThat(change(read, 0, "value")).isEqualTo("42.0 → 43.5");
        assertThat(change(read, 0, "source")).isEqualTo("统计公报 → 统计公报（更正）");
        assertThat(change(read, 2, "rows")).contains("\"value\":60.0").contains("\"value\":55.0");
        assertThat(change(read, 2, "period")).isEqualTo("unchanged");
        assertThat(change(read, 3, "rows")).startsWith("null → ");

        List<String> times = read.getList("data.indicator.history.at");
        assertThat(times).isSortedAccordingTo((a, b) -> OffsetDateTime.parse(b).compareTo(OffsetDateTime.parse(a)));
        assertThat(read.getString("data.indicator.createdBy")).isEqualTo("admin");
        assertThat(read.getString("data.indicator.updatedBy")).isEqualTo("planner.nmg");
        assertThat(OffsetDateTime.parse(read.getString("data.indicator.updatedAt"))).isEqualTo(OffsetDateTime.parse(times.get(0)));
    }

    @Test
    void theHistoryOfEveryIndicatorOfAPlanComesWithItsOwnEntries() {
        String plan = planIssuedBy("nmg");
        String a = create(plan, indicator("甲", "%", "AT_LEAST", null, null, 1, 2025));
        String b = create(plan, indicator("乙", "%", "AT_LEAST", null, null, 1, 2025));
        record(TestTokens.planner("nmg"), b, null, "2023", 0.5, null);
        JsonPath listed = post(TestTokens.viewer(), """
                query($p: ID!) { indicators(planId: $p) { edges { node { id updatedBy history { action } } } } }""",
                Map.of("p", plan));
        assertThat(listed.getString("errors")).isNull();
        assertThat(listed.getList("data.indicators.edges.node.id")).containsExactly(a, b);
        assertThat(listed.getList("data.indicators.edges[0].node.history.action")).containsExactly("CREATE_INDICATOR");
        assertThat(listed.getList("data.indicators.edges[1].node.history.action")).containsExactly("RECORD_OBSERVATION",
                "CREATE_INDICATOR");
        assertThat(listed.getList("data.indicators.edges.node.updatedBy")).containsExactly("admin", "planner.nmg");
    }
}
