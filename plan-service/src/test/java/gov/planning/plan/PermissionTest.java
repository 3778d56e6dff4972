package gov.planning.plan;

import static gov.planning.testing.GraphQLClient.firstErrorCode;
import static gov.planning.testing.GraphQLClient.post;
import static gov.planning.testing.TestTokens.admin;
import static gov.planning.testing.TestTokens.planner;
import static gov.planning.testing.TestTokens.reporter;
import static gov.planning.testing.TestTokens.viewer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import gov.planning.testing.TestClock;

/**
 * docs/domain.md §4, row by row, with users of different departments of {@link FakeOrgTree}. The plan is issued by
 * 呼和浩特市人民政府 (nmg.hhht); its task is led by 呼和浩特市住建局 (nmg.hhht.zjj) with 发改委 (nmg.fgw) cooperating.
 * Every refusal is FORBIDDEN and leaves the task, its reports and the audit log as they were.
 */
@QuarkusTest
class PermissionTest {

    @Inject
    TestClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.useSystemTime();
    }


    private String plan;
    private String task;

    @BeforeEach
    void planWithATask() {
        plan = Api.createPlan(admin(), "nmg.hhht", "2024-01-01");
        task = Api.newTask(plan, List.of("nmg.hhht.zjj"), List.of("nmg.fgw"), "2030-12-31");
    }

    private JsonPath createTask(String token) {
        return Api.createTask(token, plan, Api.task("新任务", List.of("nmg.hhht.zjj"), List.of(), null));
    }

    private static void assertForbidden(JsonPath answer) {
        assertThat(firstErrorCode(answer)).as(String.valueOf(answer.getString("errors"))).isEqualTo("FORBIDDEN");
    }

    private static void assertOk(JsonPath answer) {
        assertThat(answer.getString("errors")).isNull();
    }

    private long tasksInPlan() {
        return Db.count("SELECT count(*) FROM task WHERE plan_id = ?", UUID.fromString(plan));
    }

    @Test
    void assignTasksAndPublishOnlyAdminOrPlannersOfTheIssuerOrAbove() {
        long before = tasksInPlan();
        assertForbidden(createTask(planner("nmg.hhht.zjj")));   // below the issuer
        assertForbidden(createTask(planner("nmg.zjt")));        // a sibling department
        assertForbidden(createTask(planner("gx")));             // another province
        assertForbidden(createTask(reporter("nmg.hhht")));
        assertForbidden(createTask(viewer()));
        assertThat(tasksInPlan()).isEqualTo(before);
        assertForbidden(post(planner("nmg.fgw"), "mutation($id: ID!) { updateTask(id: $id, version: 0, deadline: \"2029-12-31\") { id } }",
                Map.of("id", task)));
        assertForbidden(post(reporter("nmg.hhht.zjj"), "mutation($id: ID!) { updateTask(id: $id, version: 0, cooperatingOrgIds: []) { id } }",
                Map.of("id", task)));
        assertThat(Api.version(task)).isZero();

        assertOk(createTask(planner("nmg.hhht")));              // the issuer
        assertOk(createTask(planner("nmg")));                   // above the issuer
        assertOk(createTask(admin()));
        assertOk(post(planner("nmg.hhht"), "mutation($id: ID!) { updateTask(id: $id, version: 0, deadline: \"2029-12-31\") { id } }",
                Map.of("id", task)));

        String publish = "mutation($id: ID!) { publishPlan(id: $id) { status } }";
        assertForbidden(post(planner("nmg.zjt"), publish, Map.of("id", plan)));
        assertForbidden(post(reporter("nmg.hhht"), publish, Map.of("id", plan)));
        assertThat(Api.auditEntries(plan)).isEqualTo(1);
        assertOk(post(planner("nmg.hhht"), publish, Map.of("id", plan)));
    }

    @Test
    void plannersCreatePlansOnlyForTheirOrganizationOrBelow() {
        String create = "mutation($input: PlanInput!) { createPlan(input: $input) { id } }";
        Map<String, Object> forProvince = Map.of("title", "越级方案", "kind", "ACTION_PLAN", "issuerId", FakeOrgTree.ids("nmg"));
        Map<String, Object> forBureau = Map.of("title", "下级方案", "kind", "ACTION_PLAN", "issuerId", FakeOrgTree.ids("nmg.hhht.zjj"));
        assertForbidden(post(planner("nmg.hhht"), create, Map.of("input", forProvince)));
        assertOk(post(planner("nmg.hhht"), create, Map.of("input", forBureau)));
    }

    @Test
    void statusChangesByAdminPlannersOfTheLeadOrAboveAndReportersOfTheLeadOnly() {
        assertForbidden(Api.setStatus(planner("nmg.fgw"), task, 0, "IN_PROGRESS"));     // cooperates only
        assertForbidden(Api.setStatus(planner("nmg.zjt"), task, 0, "IN_PROGRESS"));     // unrelated department
        assertForbidden(Api.setStatus(reporter("nmg.hhht"), task, 0, "IN_PROGRESS"));   // above the lead, but a reporter
        assertForbidden(Api.setStatus(reporter("nmg.fgw"), task, 0, "IN_PROGRESS"));    // cooperates only
        assertForbidden(Api.setStatus(viewer(), task, 0, "IN_PROGRESS"));
        assertThat(Api.version(task)).isZero();
        assertThat(Api.auditEntries(task)).isEqualTo(1);

        int v = 0;
        for (String token : List.of(reporter("nmg.hhht.zjj"), planner("nmg.hhht.zjj"), planner("nmg.hhht"), planner("nmg"), admin())) {
            JsonPath changed = Api.setStatus(token, task, v, v % 2 == 0 ? "IN_PROGRESS" : "SUSPENDED");
            assertOk(changed);
            v = changed.getInt("data.updateTask.version");
        }
        assertThat(v).isEqualTo(5);
    }

    @Test
    void reviewByAdminPlannersOfTheLeadOrAboveAndReportersOfTheLeadOnly() {
        String[] reports = new String[6];
        for (int i = 0; i < reports.length; i++) {
            // One quarter after the other, each reported while it is open.
            LocalDate day = LocalDate.of(2025, 2, 10).plusMonths(3L * i);
            clock.setToday(day);
            reports[i] = Api.submit(admin(), task, "nmg.fgw", Api.quarter(day), 50, "进展").getString("data.submitProgressReport.id");
        }
        clock.useSystemTime();
        assertForbidden(Api.review(planner("nmg.fgw"), reports[0], true, null));
        assertForbidden(Api.review(planner("nmg.zjt"), reports[0], true, null));
        assertForbidden(Api.review(reporter("nmg.hhht"), reports[0], true, null));
        assertForbidden(Api.review(reporter("nmg.fgw"), reports[0], true, null));
        assertForbidden(Api.review(viewer(), reports[0], true, null));
        assertThat(Db.count("SELECT count(*) FROM progress_report WHERE id = ? AND status = 'SUBMITTED'", UUID.fromString(reports[0]))).isEqualTo(1);
        assertThat(Api.auditEntries(reports[0])).isEqualTo(1);

        List<String> allowed = List.of(reporter("nmg.hhht.zjj"), planner("nmg.hhht.zjj"), planner("nmg.hhht"), planner("nmg"), admin());
        for (int i = 0; i < allowed.size(); i++) {
            assertOk(Api.review(allowed.get(i), reports[i], i % 2 == 0, "意见" + i));
        }
    }

    @Test
    void reportsByAdminAndByPlannersOrReportersForTheirOwnLeadOrCooperatingOrganization() {
        // Q4 is open and Q3 still accepts late reports (its window closes on 5 October).
        clock.setToday(LocalDate.of(2025, 10, 2));
        String period = "2025Q4";
        long before = Db.count("SELECT count(*) FROM progress_report WHERE task_id = ?", UUID.fromString(task));
        assertForbidden(Api.submit(reporter("nmg.hhht"), task, "nmg.hhht.zjj", period, 10, "代报"));   // not their organization
        assertForbidden(Api.submit(planner("nmg"), task, "nmg.hhht.zjj", period, 10, "代报"));         // above is not enough
        assertForbidden(Api.submit(reporter("nmg.zjt"), task, "nmg.fgw", period, 10, "代报"));
        assertForbidden(Api.submit(viewer(), task, "nmg.fgw", period, 10, "看看"));
        assertThat(firstErrorCode(Api.submit(reporter("nmg.zjt"), task, "nmg.zjt", period, 10, "不在任务上"))).isEqualTo("BAD_USER_INPUT");
        assertThat(Db.count("SELECT count(*) FROM progress_report WHERE task_id = ?", UUID.fromString(task))).isEqualTo(before);

        assertOk(Api.submit(reporter("nmg.hhht.zjj"), task, "nmg.hhht.zjj", period, 10, "牵头单位填报"));
        assertOk(Api.submit(reporter("nmg.fgw"), task, "nmg.fgw", period, 10, "配合单位填报"));
        assertOk(Api.submit(planner("nmg.fgw"), task, "nmg.fgw", "2025Q3", 10, "规划人员填报"));
        assertOk(Api.submit(admin(), task, "nmg.hhht.zjj", "2025Q3", 10, "管理员填报"));
    }
}
