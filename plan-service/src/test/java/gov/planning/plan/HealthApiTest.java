package gov.planning.plan;

import static gov.planning.testing.GraphQLClient.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import gov.planning.testing.TestClock;
import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Health as the API shows it, for a "today" the test sets (2025-08-15, then 2025-11-15). */
@QuarkusTest
class HealthApiTest {

    private static final String ADMIN = TestTokens.admin();

    @Inject
    TestClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.useSystemTime();
    }

    private static String health(String taskId) {
        return Api.readTask(TestTokens.viewer(), taskId).getString("data.task.health");
    }

    @Test
    void healthIsDerivedForTodayAndDrivesFiltersAndTheDashboard() {
        clock.setToday(LocalDate.of(2025, 8, 15));
        String plan = Api.createPlan(ADMIN, "nmg", "2025-01-01");
        String late = Api.newTask(plan, List.of("nmg.zjt"), List.of(), "2025-08-01");
        String dueSoon = Api.newTask(plan, List.of("nmg.zjt"), List.of(), "2025-09-01");
        String fresh = Api.newTask(plan, List.of("nmg.gat"), List.of(), "2026-12-31");
        String completed = Api.newTask(plan, List.of("nmg.gat"), List.of(), "2025-03-01");
        Map<String, Object> withMilestone = Api.task("有里程碑", List.of("nmg.zjt"), List.of(), "2026-12-31");
        withMilestone.put("milestones", List.of(Map.of("dueDate", "2025-06-30", "description", "出台办法")));
        String milestoneOverdue = Api.createTask(ADMIN, plan, withMilestone).getString("data.createTask.id");
        String behind = Api.newTask(plan, List.of("nmg.gat"), List.of(), "2026-12-31");
        Map<String, Object> ongoingInput = new HashMap<>(Api.task("长期坚持的任务", List.of("nmg.gat"), List.of(), null));
        ongoingInput.put("ongoing", true);
        JsonPath ongoingCreated = Api.createTask(ADMIN, plan, ongoingInput);
        String ongoing = ongoingCreated.getString("data.createTask.id");
        assertThat(ongoingCreated.getString("data.createTask.deadline.text")).isEqualTo("长期坚持");

        assertThat(Api.setStatus(ADMIN, completed, 0, "COMPLETED").getString("errors")).isNull();
        assertThat(Api.submit(ADMIN, behind, "nmg.gat", "2025Q3", 0, "尚未启动").getString("errors")).isNull();

        assertThat(health(late)).isEqualTo("RED");
        assertThat(health(milestoneOverdue)).isEqualTo("RED");
        assertThat(health(dueSoon)).isEqualTo("YELLOW");
        assertThat(health(behind)).as("0% reported with about 31% of the time gone").isEqualTo("YELLOW");
        assertThat(health(fresh)).as("entered this quarter: no report owed yet").isEqualTo("GREEN");
        assertThat(health(ongoing)).isEqualTo("GREEN");
        assertThat(health(completed)).isEqualTo("DONE");

        JsonPath red = post(TestTokens.viewer(), "query($id: ID!) { plan(id: $id) { tasks(health: RED) { totalCount edges { node { id } } } } }",
                Map.of("id", plan));
        assertThat(red.getList("data.plan.tasks.edges.node.id")).containsExactlyInAnyOrder(late, milestoneOverdue);

        JsonPath yellowOfGat = post(TestTokens.viewer(), "query($org: ID) { tasks(orgId: $org, role: LEAD, health: YELLOW, dueBefore: \"2027-01-01\") { edges { node { id } } } }",
                Map.of("org", FakeOrgTree.ids("nmg.gat")));
        assertThat(yellowOfGat.getList("data.tasks.edges.node.id")).contains(behind).doesNotContain(fresh, completed, ongoing, dueSoon);

        JsonPath dashboard = post(TestTokens.viewer(), "query($id: ID) { healthCounts(planId: $id) { org { id } green yellow red done total } }",
                Map.of("id", plan));
        assertThat(dashboard.getString("errors")).isNull();
        assertThat(dashboard.getString("data.healthCounts[0].org.id")).isEqualTo(FakeOrgTree.ids("nmg.zjt"));
        assertThat(dashboard.getInt("data.healthCounts[0].red")).isEqualTo(2);
        assertThat(dashboard.getInt("data.healthCounts[0].yellow")).isEqualTo(1);
        assertThat(dashboard.getString("data.healthCounts[1].org.id")).isEqualTo(FakeOrgTree.ids("nmg.gat"));
        assertThat(dashboard.getInt("data.healthCounts[1].green")).isEqualTo(2);
        assertThat(dashboard.getInt("data.healthCounts[1].yellow")).isEqualTo(1);
        assertThat(dashboard.getInt("data.healthCounts[1].done")).isEqualTo(1);
        assertThat(dashboard.getInt("data.healthCounts[1].total")).isEqualTo(4);

        JsonPath orgRed = post(TestTokens.viewer(), "query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { tasks(health: RED) { edges { node { id } } } } } }",
                Map.of("r", List.of(Map.of("__typename", "Organization", "id", FakeOrgTree.ids("nmg.zjt")))));
        assertThat(orgRed.getList("data._entities[0].tasks.edges.node.id")).contains(late, milestoneOverdue).doesNotContain(dueSoon);

        // Three months on, Q3 (July–September) has passed without a report from the fresh and the ongoing task.
        clock.setToday(LocalDate.of(2025, 11, 15));
        assertThat(health(fresh)).isEqualTo("YELLOW");
        assertThat(health(ongoing)).isEqualTo("YELLOW");
    }

    @Test
    void theDashboardCountsATaskOfAReplacedDepartmentForItsSuccessorOnce() {
        clock.setToday(LocalDate.of(2025, 8, 15));
        String plan = Api.createPlan(ADMIN, "nmg", "2017-06-01");
        Api.newTask(plan, List.of("nmg.gtzyt"), List.of(), "2025-08-01"); // 国土资源厅, replaced by 自然资源厅 in 2018
        Api.newTask(plan, List.of("nmg.gtzyt", "nmg.zrzyt"), List.of(), "2025-08-01");
        Api.newTask(plan, List.of("nmg.zrzyt"), List.of(), "2026-12-31");

        JsonPath dashboard = post(TestTokens.viewer(), "query($id: ID) { healthCounts(planId: $id) { org { id } green red total } }",
                Map.of("id", plan));

        assertThat(dashboard.getString("errors")).isNull();
        assertThat(dashboard.getList("data.healthCounts.org.id")).containsExactly(FakeOrgTree.ids("nmg.zrzyt"));
        assertThat(dashboard.getInt("data.healthCounts[0].red")).isEqualTo(2);
        assertThat(dashboard.getInt("data.healthCounts[0].green")).isEqualTo(1);
        assertThat(dashboard.getInt("data.healthCounts[0].total")).isEqualTo(3);
    }
}
