package gov.planning.plan;

import static gov.planning.testing.GraphQLClient.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The supervision dashboard page by page ({@code healthCountPage}, docs/decisions/0015): its pages, walked by their
 * cursors, are exactly {@code healthCounts}' rows in the same order, each once; its count and sums are those of all rows,
 * whichever page is asked; a plan filter pages that plan's organizations only.
 */
@QuarkusTest
class HealthCountPageTest {

    private static final String ADMIN = TestTokens.admin();
    private static final String VIEWER = TestTokens.viewer();
    private static final List<String> COLUMNS = List.of("red", "yellow", "green", "done", "total");
    private static final String ROW = "org { id } red yellow green done total";

    /**
     * Five lead organizations with different counts: 教育厅 two overdue tasks, 发改委 one overdue, 公安厅 and 教育局 one
     * on track each (a tie broken by id), 国土资源厅 (replaced, counted as 自然资源厅) one overdue with 发改委.
     */
    private static String planWithFiveLeads() {
        String plan = Api.createPlan(ADMIN, "nmg", "2020-01-01");
        Api.newTask(plan, List.of("nmg.zjt"), List.of(), "2020-12-31");
        Api.newTask(plan, List.of("nmg.zjt"), List.of("nmg.gat"), "2021-06-30");
        Api.newTask(plan, List.of("nmg.fgw", "nmg.gtzyt"), List.of(), "2020-12-31");
        Api.newTask(plan, List.of("nmg.gat"), List.of(), "2099-12-31");
        Api.newTask(plan, List.of("nmg.hhht.zjj"), List.of(), "2099-12-31");
        return plan;
    }

    private static List<Map<String, Object>> healthCounts(String plan) {
        JsonPath answer = post(VIEWER, "query($p: ID) { healthCounts(planId: $p) { " + ROW + " } }", vars("p", plan));
        assertThat(answer.getString("errors")).isNull();
        return answer.getList("data.healthCounts");
    }

    private record Walk(List<Map<String, Object>> rows, List<Integer> pageSizes, List<Integer> totalCounts, List<Map<String, Object>> sums) {
    }

    /** Every page of {@code size} from the first to the one without a next page. */
    private static Walk walk(String plan, int size) {
        Walk walk = new Walk(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        String after = null;
        do {
            JsonPath page = post(VIEWER, "query($p: ID, $n: Int, $a: String) { healthCountPage(planId: $p, first: $n, after: $a) {"
                    + " totalCount sum { red yellow green done total } pageInfo { hasNextPage endCursor }"
                    + " edges { cursor node { " + ROW + " } } } }", vars("p", plan, "n", size, "a", after));
            assertThat(page.getString("errors")).isNull();
            List<Map<String, Object>> nodes = page.getList("data.healthCountPage.edges.node");
            walk.rows().addAll(nodes);
            walk.pageSizes().add(nodes.size());
            walk.totalCounts().add(page.getInt("data.healthCountPage.totalCount"));
            walk.sums().add(page.getMap("data.healthCountPage.sum"));
            after = page.getBoolean("data.healthCountPage.pageInfo.hasNextPage") ? page.getString("data.healthCountPage.pageInfo.endCursor") : null;
            if (!nodes.isEmpty()) {
                assertThat(page.getString("data.healthCountPage.pageInfo.endCursor")).as("the end cursor is the last edge's")
                        .isEqualTo(page.getString("data.healthCountPage.edges[" + (nodes.size() - 1) + "].cursor"));
            }
            assertThat(walk.pageSizes()).as("pages walked").hasSizeLessThan(10_000);
        } while (after != null);
        return walk;
    }

    private static Map<String, Object> sums(List<Map<String, Object>> rows) {
        Map<String, Object> sums = new HashMap<>();
        for (String column : COLUMNS) {
            sums.put(column, rows.stream().mapToInt(r -> (Integer) r.get(column)).sum());
        }
        return sums;
    }

    @Test
    void pagesOfOnePlanAreItsHealthCountsInOrderEachOnceWithTheSumsOfAllItsOrganizations() {
        String plan = planWithFiveLeads();
        List<Map<String, Object>> all = healthCounts(plan);
        assertThat(all.stream().map(r -> (String) ((Map<?, ?>) r.get("org")).get("id")).toList()).as("the fixture's leads, 国土资源厅 as 自然资源厅")
                .hasSize(5).contains(FakeOrgTree.ids("nmg.zrzyt")).doesNotContain(FakeOrgTree.ids("nmg.gtzyt"));
        assertThat(((Map<?, ?>) all.get(0).get("org")).get("id")).as("most red first").isEqualTo(FakeOrgTree.ids("nmg.zjt"));

        Walk walk = walk(plan, 2);
        assertThat(walk.rows()).isEqualTo(all);
        assertThat(walk.pageSizes()).containsExactly(2, 2, 1);
        assertThat(walk.totalCounts()).containsOnly(5);
        assertThat(walk.sums()).containsOnly(sums(all));
        assertThat(sums(all)).containsEntry("total", 6).containsEntry("red", 4);
    }

    @Test
    void pagesOfAllPlansAreTheHealthCountsOfAllPlansInOrderWithTheirSums() {
        planWithFiveLeads();
        List<Map<String, Object>> all = healthCounts(null);
        Walk walk = walk(null, 3);
        assertThat(walk.rows()).isEqualTo(all);
        assertThat(walk.totalCounts()).containsOnly(all.size());
        assertThat(walk.sums()).containsOnly(sums(all));
        assertThat(walk.pageSizes().subList(0, walk.pageSizes().size() - 1)).containsOnly(3);
    }

    @Test
    void theFirstPageHasTwentyOrganizationsUnlessAskedAndAPlanWithoutTasksHasNone() {
        JsonPath page = post(VIEWER, "{ healthCountPage { totalCount edges { node { org { id } } } } }");
        assertThat(page.getString("errors")).isNull();
        assertThat(page.getList("data.healthCountPage.edges")).hasSize(Math.min(20, page.getInt("data.healthCountPage.totalCount")));

        JsonPath empty = post(VIEWER, "query($p: ID) { healthCountPage(planId: $p) { totalCount sum { total } pageInfo { hasNextPage endCursor }"
                + " edges { cursor } } }", vars("p", Api.createPlan(ADMIN, "nmg", "2020-01-01")));
        assertThat(empty.getString("errors")).isNull();
        assertThat(empty.getInt("data.healthCountPage.totalCount")).isZero();
        assertThat(empty.getInt("data.healthCountPage.sum.total")).isZero();
        assertThat(empty.getList("data.healthCountPage.edges")).isEmpty();
        assertThat(empty.getBoolean("data.healthCountPage.pageInfo.hasNextPage")).isFalse();
        assertThat(empty.getString("data.healthCountPage.pageInfo.endCursor")).isNull();
    }

    @Test
    void aCursorKeepsItsPlaceWhenAnOrganizationBeforeItGetsMoreRedTasks() {
        String plan = planWithFiveLeads();
        JsonPath first = post(VIEWER, "query($p: ID) { healthCountPage(planId: $p, first: 2) { pageInfo { endCursor } edges { node { org { id } } } } }",
                vars("p", plan));
        List<String> before = post(VIEWER, "query($p: ID) { healthCountPage(planId: $p, first: 5) { edges { node { org { id } } } } }",
                vars("p", plan)).getList("data.healthCountPage.edges.node.org.id");
        // 公安厅, on the next page, overtakes the page's rows: the next page starts after the cursor's row all the same
        Api.newTask(plan, List.of("nmg.gat"), List.of(), "2020-06-30");
        Api.newTask(plan, List.of("nmg.gat"), List.of(), "2020-06-30");
        Api.newTask(plan, List.of("nmg.gat"), List.of(), "2020-06-30");
        JsonPath next = post(VIEWER, "query($p: ID, $a: String) { healthCountPage(planId: $p, first: 5, after: $a) { edges { node { org { id } } } } }",
                vars("p", plan, "a", first.getString("data.healthCountPage.pageInfo.endCursor")));
        assertThat(next.getString("errors")).isNull();
        List<String> rest = new ArrayList<>(before.subList(2, 5));
        rest.remove(FakeOrgTree.ids("nmg.gat"));
        assertThat(next.getList("data.healthCountPage.edges.node.org.id")).containsExactlyElementsOf(rest);
    }

    private static Map<String, Object> vars(Object... pairs) {
        Map<String, Object> vars = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            vars.put((String) pairs[i], pairs[i + 1]);
        }
        return vars;
    }
}
