package gov.planning.plan;

import static gov.planning.testing.GraphQLClient.firstErrorCode;
import static gov.planning.testing.GraphQLClient.post;
import static gov.planning.testing.TestTokens.admin;
import static gov.planning.testing.TestTokens.reporter;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Organizations that act for another one (docs/domain.md §3, §4): the members of a collective for the collective
 * (各盟行政公署、市人民政府 = nmg.mengshi-govs, members nmg.hhht and nmg.bt in {@link FakeOrgTree}), and a reform's
 * successor for its predecessor (国土资源厅 nmg.gtzyt → 自然资源厅 nmg.zrzyt).
 */
@QuarkusTest
class ActingForTest {

    private String plan;
    private String period;

    @BeforeEach
    void plan() {
        plan = Api.createPlan(admin(), "nmg", "2024-01-01");
        period = Api.thisQuarter();
    }

    private static void assertForbidden(JsonPath answer) {
        assertThat(firstErrorCode(answer)).as(String.valueOf(answer.getString("errors"))).isEqualTo("FORBIDDEN");
    }

    private static void assertOk(JsonPath answer) {
        assertThat(answer.getString("errors")).isNull();
    }

    private static long reports(String task) {
        return Db.count("SELECT count(*) FROM progress_report WHERE task_id = ?", UUID.fromString(task));
    }

    @Test
    void membersOfALeadCollectiveReportAndSteerTheTaskNonMembersMayNot() {
        String task = Api.newTask(plan, List.of("nmg.mengshi-govs"), List.of(), "2030-12-31");

        assertForbidden(Api.submit(reporter("nmg.zjt"), task, "nmg.mengshi-govs", period, 10, "非成员"));   // a department
        assertForbidden(Api.submit(reporter("gx.zjt"), task, "nmg.mengshi-govs", period, 10, "外省"));
        assertForbidden(Api.submit(reporter("nmg.hhht.zjj"), task, "nmg.mengshi-govs", period, 10, "成员的下级"));
        assertThat(firstErrorCode(Api.submit(reporter("nmg.zjt"), task, "nmg.zjt", period, 10, "不在任务上"))).isEqualTo("BAD_USER_INPUT");
        assertThat(reports(task)).isZero();

        // Each member in its own name, so the members' reports for one period do not collide.
        JsonPath baotou = Api.submit(reporter("nmg.bt"), task, "nmg.bt", period, 20, "包头市填报");
        assertOk(baotou);
        assertThat(baotou.getString("data.submitProgressReport.org.id")).isEqualTo(FakeOrgTree.ids("nmg.bt"));
        assertOk(Api.submit(reporter("nmg.hhht"), task, "nmg.hhht", period, 30, "呼和浩特市填报"));
        // Or in the collective's name.
        assertOk(Api.submit(reporter("nmg.hhht"), task, "nmg.mengshi-govs", period, 30, "代表各盟市填报"));
        assertThat(reports(task)).isEqualTo(3);

        // The lead side's rows of §4: status and review.
        assertForbidden(Api.setStatus(reporter("nmg.zjt"), task, 0, "IN_PROGRESS"));
        assertForbidden(Api.setStatus(reporter("nmg.hhht.zjj"), task, 0, "IN_PROGRESS"));
        assertThat(Api.version(task)).isZero();
        JsonPath changed = Api.setStatus(reporter("nmg.bt"), task, 0, "IN_PROGRESS");
        assertOk(changed);
        assertThat(changed.getString("data.updateTask.status")).isEqualTo("IN_PROGRESS");
        String report = baotou.getString("data.submitProgressReport.id");
        assertForbidden(Api.review(reporter("nmg.zjt"), report, true, null));
        assertOk(Api.review(reporter("nmg.hhht"), report, true, null));
    }

    @Test
    void theSuccessorReportsOnAndSteersItsPredecessorsTasksNotTheOtherWayRound() {
        String old = Api.newTask(plan, List.of("nmg.gtzyt"), List.of(), "2030-12-31");
        String current = Api.newTask(plan, List.of("nmg.zrzyt"), List.of(), "2030-12-31");

        JsonPath own = Api.submit(reporter("nmg.zrzyt"), old, "nmg.zrzyt", period, 40, "自然资源厅填报");
        assertOk(own);
        assertThat(own.getString("data.submitProgressReport.org.id")).isEqualTo(FakeOrgTree.ids("nmg.zrzyt"));
        assertOk(Api.submit(reporter("nmg.zrzyt"), old, "nmg.gtzyt", period, 40, "以原国土资源厅名义"));
        assertOk(Api.setStatus(reporter("nmg.zrzyt"), old, 0, "IN_PROGRESS"));

        assertForbidden(Api.submit(reporter("nmg.gtzyt"), current, "nmg.zrzyt", period, 40, "前身不代后继"));
        assertForbidden(Api.setStatus(reporter("nmg.gtzyt"), current, 0, "IN_PROGRESS"));
        assertForbidden(Api.submit(reporter("nmg.zjt"), old, "nmg.gtzyt", period, 40, "无关部门"));
        assertThat(firstErrorCode(Api.submit(reporter("nmg.zjt"), old, "nmg.zjt", period, 40, "不在任务上"))).isEqualTo("BAD_USER_INPUT");
        assertThat(reports(current)).isZero();
    }

    @Test
    void theSuccessorsTaskListsIncludeItsPredecessorsTasks() {
        String old = Api.newTask(plan, List.of("nmg.gtzyt"), List.of(), "2030-12-31");
        String both = Api.newTask(plan, List.of("nmg.zrzyt"), List.of("nmg.gtzyt"), "2030-12-31");
        String other = Api.newTask(plan, List.of("nmg.zjt"), List.of(), "2030-12-31");

        JsonPath ofZrzyt = post(reporter("nmg.zjt"), "query($org: ID) { tasks(orgId: $org, first: 500) { edges { node { id } } } }",
                Map.of("org", FakeOrgTree.ids("nmg.zrzyt")));
        assertOk(ofZrzyt);
        List<String> ids = ofZrzyt.getList("data.tasks.edges.node.id");
        assertThat(ids).contains(old, both).doesNotContain(other);
        assertThat(ids).as("a task of both the successor and its predecessor is listed once").containsOnlyOnce(both);

        JsonPath leadOfZrzyt = post(reporter("nmg.zjt"), "query($org: ID) { tasks(orgId: $org, role: LEAD, first: 500) { edges { node { id } } } }",
                Map.of("org", FakeOrgTree.ids("nmg.zrzyt")));
        assertThat(leadOfZrzyt.getList("data.tasks.edges.node.id", String.class)).contains(old, both);

        JsonPath ofGtzyt = post(reporter("nmg.zjt"), "query($org: ID) { tasks(orgId: $org, first: 500) { edges { node { id } } } }",
                Map.of("org", FakeOrgTree.ids("nmg.gtzyt")));
        assertThat(ofGtzyt.getList("data.tasks.edges.node.id", String.class)).as("the predecessor keeps its own").contains(old, both);

        JsonPath entities = post(reporter("nmg.zjt"), """
                query($r: [_Any!]!) { _entities(representations: $r) {
                  ... on Organization { tasks(first: 500) { edges { node { id } } } } } }""",
                Map.of("r", List.of(Map.of("__typename", "Organization", "id", FakeOrgTree.ids("nmg.zrzyt")),
                        Map.of("__typename", "Organization", "id", FakeOrgTree.ids("nmg.zjt")))));
        assertOk(entities);
        List<String> zrzyt = entities.getList("data._entities[0].tasks.edges.node.id");
        assertThat(zrzyt).contains(old, both).doesNotContain(other).containsOnlyOnce(both);
        assertThat(entities.getList("data._entities[1].tasks.edges.node.id", String.class)).contains(other).doesNotContain(old, both);
    }
}
