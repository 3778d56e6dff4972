package gov.planning.plan;

import static gov.planning.testing.GraphQLClient.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Keyset cursors in every order of a task list (docs/decisions/0019): walking a list page by page with its cursors gives
 * the list read whole, and the next page starts right after the cursor's task whatever happened before it.
 */
@QuarkusTest
class TaskListKeysetTest {

    private static final String ADMIN = TestTokens.admin();
    private static final String VIEWER = TestTokens.viewer();
    private static final String ORG = "gx.zjt";

    /** One of the four lists that page tasks, asked with its sort, order, page size and cursor. */
    private record TaskList(String name, String token, String query, String path, Map<String, Object> scope) {

        JsonPath page(String sortBy, String order, int first, String after) {
            Map<String, Object> vars = new HashMap<>(scope);
            vars.put("s", sortBy);
            vars.put("o", order);
            vars.put("f", first);
            vars.put("a", after);
            JsonPath answer = post(token, query, vars);
            assertThat(answer.getString("errors")).as(name + " " + sortBy + " " + order).isNull();
            return answer;
        }

        List<String> ids(JsonPath answer) {
            return answer.getList(path + ".edges.node.id");
        }
    }

    private static final String PAGE = "(sortBy: $s, order: $o, first: $f, after: $a) { totalCount pageInfo { hasNextPage endCursor }"
            + " edges { cursor node { id } } }";
    private static final String ARGS = "$s: TaskSort, $o: SortOrder, $f: Int, $a: String";

    private static List<TaskList> lists(String plan, String marker) {
        return List.of(
                new TaskList("tasks", VIEWER, "query($p: ID, " + ARGS + ") { tasks(planId: $p, " + PAGE.substring(1) + " }",
                        "data.tasks", Map.of("p", plan)),
                new TaskList("Plan.tasks", VIEWER, "query($p: ID!, " + ARGS + ") { plan(id: $p) { tasks" + PAGE + " } }",
                        "data.plan.tasks", Map.of("p", plan)),
                new TaskList("myTasks", TestTokens.reporter(ORG), "query($m: String, " + ARGS + ") { myTasks(search: $m, "
                        + PAGE.substring(1) + " }", "data.myTasks", Map.of("m", marker)),
                new TaskList("Organization.tasks", VIEWER, "query($r: [_Any!]!, " + ARGS + ") { _entities(representations: $r) {"
                        + " ... on Organization { tasks" + PAGE + " } } }", "data._entities[0].tasks",
                        Map.of("r", List.of(Map.of("__typename", "Organization", "id", FakeOrgTree.ids(ORG))))));
    }

    private static String task(String plan, String title, String deadline) {
        JsonPath created = Api.createTask(ADMIN, plan, Api.task(title, List.of(ORG), List.of(), deadline));
        assertThat(created.getString("errors")).isNull();
        return created.getString("data.createTask.id");
    }

    @Test
    void walkingEveryOrderPageByPageWithItsCursorsGivesTheListReadWholeEachTaskOnceInOrder() {
        String marker = "键集" + System.nanoTime();
        String plan = Api.createPlan(ADMIN, "gx", "2025-01-01");
        // Ties in every value, tasks without a deadline or a percent, titles with commas and the cursor's own separators.
        String[] deadlines = { "2030-06-30", "2030-06-30", null, "2029-01-15", "2030-06-30", null, "2031-12-31", "2029-01-15" };
        String[] titles = { ",甲", "乙,丙", ",甲", "丁;key:戊", "a=b", "乙,丙", "", "己" };
        Integer[] percents = { 40, null, 40, 10, null, 90, 40, null };
        List<String> created = new ArrayList<>();
        for (int i = 0; i < deadlines.length; i++) {
            String id = task(plan, marker + titles[i], deadlines[i]);
            created.add(id);
            if (percents[i] != null) {
                assertThat(Api.submit(ADMIN, id, ORG, Api.thisQuarter(), percents[i], "进展").getString("errors")).isNull();
            }
        }
        // Three tasks last changed at the same moment: a tie in UPDATED, broken by id.
        Db.update("UPDATE task SET updated_at = (SELECT updated_at FROM task WHERE id = ?) WHERE id IN (?, ?)",
                UUID.fromString(created.get(0)), UUID.fromString(created.get(3)), UUID.fromString(created.get(6)));

        for (TaskList list : lists(plan, marker)) {
            for (String sort : List.of("DEADLINE", "PROGRESS", "UPDATED", "TITLE", "HEALTH", "NUMBER")) {
                for (String order : List.of("ASC", "DESC")) {
                    String what = list.name() + " by " + sort + " " + order;
                    JsonPath whole = list.page(sort, order, 500, null);
                    List<String> all = list.ids(whole);
                    assertThat(all).as(what).containsAll(created);
                    List<String> walked = new ArrayList<>();
                    String after = null;
                    for (int page = 0; page <= all.size(); page++) {
                        JsonPath answer = list.page(sort, order, 3, after);
                        walked.addAll(list.ids(answer));
                        after = answer.getString(list.path() + ".pageInfo.endCursor");
                        if (!answer.getBoolean(list.path() + ".pageInfo.hasNextPage")) {
                            break;
                        }
                    }
                    assertThat(walked).as(what + ", page by page").containsExactlyElementsOf(all);
                }
            }
        }
        // Spot checks of the whole list's order: without a deadline last in both directions, ties by id ascending.
        TaskList tasks = lists(plan, marker).get(0);
        List<String> undated = java.util.stream.Stream.of(created.get(2), created.get(5)).sorted().toList();
        for (String order : List.of("ASC", "DESC")) {
            List<String> all = tasks.ids(tasks.page("DEADLINE", order, 500, null));
            assertThat(all.subList(all.size() - 2, all.size())).as(order).containsExactlyElementsOf(undated);
        }
        List<String> tied = java.util.stream.Stream.of(created.get(0), created.get(1), created.get(4)).sorted().toList();
        assertThat(tasks.ids(tasks.page("DEADLINE", "DESC", 500, null)).subList(1, 4)).as("2030-06-30, by id")
                .containsExactlyElementsOf(tied);
    }

    @Test
    void theNextPageByDeadlineStartsAfterTheCursorsTaskWhenTasksBeforeItAreAddedDeletedOrMoved() {
        for (int l = 0; l < 3; l++) {
            for (String order : List.of("ASC", "DESC")) {
                String marker = "键集移动" + System.nanoTime();
                String plan = Api.createPlan(ADMIN, "gx", "2025-01-01");
                TaskList list = lists(plan, marker).get(l);
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    expected.add(task(plan, marker + i, "2030-0" + (i + 1) + "-15"));
                }
                if (order.equals("DESC")) {
                    java.util.Collections.reverse(expected);
                }
                String what = list.name() + " by DEADLINE " + order;
                JsonPath first = list.page("DEADLINE", order, 3, null);
                assertThat(list.ids(first)).as(what).containsExactlyElementsOf(expected.subList(0, 3));
                String after = first.getString(list.path() + ".pageInfo.endCursor");

                // Before the cursor: one task added, one deleted, and one's deadline moved past the list's other end.
                task(plan, marker + "新", order.equals("ASC") ? "2029-01-01" : "2031-01-01");
                Db.update("DELETE FROM task WHERE id = ?", UUID.fromString(expected.get(0)));
                String moved = expected.get(1);
                JsonPath move = post(ADMIN, "mutation($id: ID!, $v: Int!, $d: Date) { updateTask(id: $id, version: $v, deadline: $d) { id } }",
                        Map.of("id", moved, "v", Api.version(moved), "d", order.equals("ASC") ? "2032-01-01" : "2028-01-01"));
                assertThat(move.getString("errors")).isNull();

                JsonPath second = list.page("DEADLINE", order, 3, after);
                assertThat(list.ids(second)).as(what + ": right after the cursor's task, none shown twice or skipped")
                        .containsExactlyElementsOf(expected.subList(3, 6));
                assertThat(second.getInt(list.path() + ".totalCount")).isEqualTo(6);
                JsonPath last = list.page("DEADLINE", order, 3, second.getString(list.path() + ".pageInfo.endCursor"));
                assertThat(list.ids(last)).as(what + ": the moved task once, at its new place").containsExactly(moved);
                assertThat(last.getBoolean(list.path() + ".pageInfo.hasNextPage")).isFalse();

                // A cursor of another order pages by its offset there, as before keyset cursors in that order.
                assertThat(list.ids(list.page("TITLE", order, 3, after))).as(what + ": its cursor in the list by TITLE")
                        .containsExactlyElementsOf(list.ids(list.page("TITLE", order, 6, null)).subList(3, 6));
            }
        }
    }

    @Test
    void theNextPageByProgressStartsAfterTheCursorsTaskWhenATaskBeforeItIsReportedAgain() {
        String marker = "键集进度" + System.nanoTime();
        String plan = Api.createPlan(ADMIN, "gx", "2025-01-01");
        TaskList list = lists(plan, marker).get(0);
        List<String> created = new ArrayList<>();
        List<String> reports = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = task(plan, marker + i, "2030-12-31");
            created.add(id);
            JsonPath report = Api.submit(ADMIN, id, ORG, Api.thisQuarter(), 10 * (i + 1), "进展");
            assertThat(report.getString("errors")).isNull();
            reports.add(report.getString("data.submitProgressReport.id"));
        }
        JsonPath first = list.page("PROGRESS", "ASC", 3, null);
        assertThat(list.ids(first)).containsExactlyElementsOf(created.subList(0, 3));

        // The 10 % report is returned and the task reported again at 90 %: it moves from before the cursor to the end.
        assertThat(Api.review(ADMIN, reports.get(0), false, "数据有误").getString("errors")).isNull();
        assertThat(Api.submit(ADMIN, created.get(0), ORG, Api.thisQuarter(), 90, "更正").getString("errors")).isNull();

        JsonPath second = list.page("PROGRESS", "ASC", 3, first.getString(list.path() + ".pageInfo.endCursor"));
        assertThat(list.ids(second)).as("right after the 30 % task, the 40 % task not skipped").containsExactlyElementsOf(created.subList(3, 6));
        assertThat(list.ids(list.page("PROGRESS", "ASC", 3, second.getString(list.path() + ".pageInfo.endCursor"))))
                .as("the task reported again, once, at its new place").containsExactly(created.get(0));
    }

    @Test
    void aCursorOfOnePlansTasksContinuesThatPlanWhileTheRequestsOtherPlansPageByItsOffset() {
        String marker = "键集两方案" + System.nanoTime();
        String one = Api.createPlan(ADMIN, "gx", "2025-01-01");
        String other = Api.createPlan(ADMIN, "gx", "2025-01-01");
        List<String> ofOne = new ArrayList<>();
        List<String> ofOther = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ofOne.add(task(one, marker + i, "2030-0" + (i + 1) + "-15"));
            ofOther.add(task(other, marker + i, "2031-0" + (i + 1) + "-15"));
        }
        String query = "query($r: [_Any!]!, $a: String) { _entities(representations: $r) { ... on Plan { id tasks(sortBy: DEADLINE,"
                + " first: 2, after: $a) { pageInfo { hasNextPage endCursor } edges { node { id } } } } } }";
        List<Map<String, Object>> plans = List.of(Map.of("__typename", "Plan", "id", one), Map.of("__typename", "Plan", "id", other));
        JsonPath first = post(VIEWER, query, Map.of("r", plans));
        assertThat(first.getString("errors")).isNull();
        String after = first.getString("data._entities[0].tasks.pageInfo.endCursor");
        // A task of the first plan due before the cursor's: its next page does not shift; the other plan skips two tasks.
        task(one, marker + "新", "2029-01-01");

        Map<String, Object> vars = new HashMap<>(Map.of("r", plans));
        vars.put("a", after);
        JsonPath next = post(VIEWER, query, vars);
        assertThat(next.getString("errors")).isNull();
        assertThat(next.getList("data._entities[0].tasks.edges.node.id")).as("the cursor's plan, after its task").containsExactlyElementsOf(ofOne.subList(2, 4));
        assertThat(next.getList("data._entities[1].tasks.edges.node.id")).as("the other plan, by the cursor's offset").containsExactlyElementsOf(ofOther.subList(2, 4));
        assertThat(next.getBoolean("data._entities[0].tasks.pageInfo.hasNextPage")).isFalse();
    }
}
