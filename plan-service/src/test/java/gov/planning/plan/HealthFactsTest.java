package gov.planning.plan;

import static gov.planning.testing.GraphQLClient.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import gov.planning.testing.TestClock;
import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Lists filter on health in SQL from the facts the database keeps per task (task_facts, V8); whatever write changes a
 * task's latest report or open milestones, the list's colour is the one {@link gov.planning.plan.service.HealthRule}
 * gives the task from all its reports and milestones.
 */
@QuarkusTest
class HealthFactsTest {

    private static final String ADMIN = TestTokens.admin();

    @Inject
    TestClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.useSystemTime();
    }

    /** The task's health as a list filtered in SQL puts it, checked against the health the task itself shows. */
    private static String listedHealth(String plan, String task) {
        String shown = Api.readTask(TestTokens.viewer(), task).getString("data.task.health");
        String listed = null;
        for (String health : List.of("RED", "YELLOW", "GREEN", "DONE")) {
            List<String> ids = post(ADMIN, "{ tasks(planId: \"" + plan + "\", health: " + health + ", first: 100) { edges { node { id } } } }")
                    .getList("data.tasks.edges.node.id");
            if (ids.contains(task)) {
                assertThat(listed).as("listed once").isNull();
                listed = health;
            }
        }
        assertThat(listed).as("the list agrees with the task").isEqualTo(shown);
        return listed;
    }

    @Test
    void aReturnedReportADoneMilestoneAndReportsWrittenInOneStatementMoveTheListedColour() {
        clock.setToday(LocalDate.of(2025, 8, 15));
        String plan = Api.createPlan(ADMIN, "nmg", "2025-01-01");
        String reported = Api.newTask(plan, List.of("nmg.gat"), List.of(), "2026-12-31");
        Map<String, Object> withMilestone = Api.task("有里程碑", List.of("nmg.zjt"), List.of(), "2026-12-31");
        withMilestone.put("milestones", List.of(Map.of("dueDate", "2025-06-30", "description", "出台办法")));
        String milestone = Api.createTask(ADMIN, plan, withMilestone).getString("data.createTask.id");
        String quiet = Api.newTask(plan, List.of("nmg.gat"), List.of(), "2026-12-31");
        String report = Api.submit(ADMIN, reported, "nmg.gat", "2025Q3", 40, "推进中").getString("data.submitProgressReport.id");
        Api.submit(ADMIN, milestone, "nmg.zjt", "2025Q3", 40, "推进中");
        clock.setToday(LocalDate.of(2025, 11, 15));

        assertThat(listedHealth(plan, reported)).isEqualTo("GREEN");
        assertThat(Api.review(ADMIN, report, false, "请补充").getString("errors")).isNull();
        assertThat(listedHealth(plan, reported)).as("its only report returned: none in the last quarter").isEqualTo("YELLOW");

        assertThat(listedHealth(plan, milestone)).isEqualTo("RED");
        Db.update("UPDATE milestone SET done = true WHERE task_id = CAST(? AS uuid)", milestone);
        assertThat(listedHealth(plan, milestone)).as("its overdue milestone done").isEqualTo("GREEN");

        assertThat(listedHealth(plan, quiet)).isEqualTo("YELLOW");
        Db.update("INSERT INTO progress_report (id, task_id, org_id, period, percent, summary, reported_by, reported_at, status)"
                + " SELECT gen_random_uuid(), CAST(? AS uuid), CAST(? AS uuid), p, 30, '补报', 'admin', TIMESTAMPTZ '2025-10-10 10:00+08', 'APPROVED'"
                + " FROM unnest(ARRAY['2025Q2', '2025Q3']) AS p", quiet, FakeOrgTree.ids("nmg.gat"));
        assertThat(listedHealth(plan, quiet)).as("two reports written in one statement").isEqualTo("GREEN");
    }
}
