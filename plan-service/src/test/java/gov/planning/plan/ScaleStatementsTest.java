package gov.planning.plan;

import static gov.planning.testing.GraphQLClient.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import gov.planning.plan.service.HealthSnapshots;
import gov.planning.testing.SqlStatements;
import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The reads a province's staff sit on (issue #15) cost a fixed number of SQL statements, counted by PostgreSQL itself
 * (pg_stat_statements): the same with four tasks (one of each colour) as with sixty more, each with a milestone and reports.
 */
@QuarkusTest
class ScaleStatementsTest {

    @Inject
    Pool pool;

    /**
     * A prepared statement the client reuses would otherwise fall back to PostgreSQL's generic plan, which assumes an
     * id-array parameter holds 10 ids: a province planner's approval queue (20,000 lead ids) took 8-9 s instead of 1.1-1.5 s
     * at 100k tasks (bench/scale).
     */
    @Test
    void everyStatementIsPlannedForItsOwnParameters() {
        for (int i = 0; i < 3; i++) {
            assertThat(pool.query("SHOW plan_cache_mode").execute().await().atMost(java.time.Duration.ofSeconds(30))
                    .iterator().next().getString(0)).isEqualTo("force_custom_plan");
        }
    }

    private static final String ADMIN = TestTokens.admin();
    private static final String PLANNER = TestTokens.planner("nmg");
    private static final String REPORTER = TestTokens.reporter("nmg.zjt");

    private static final String TASK_FIELDS = "id health healthReason { kind } progressPercent leadOrgs { id }";

    /** Each read as the console makes it, with the token of the user who makes it. */
    private static Map<String, String[]> reads(String plan) {
        Map<String, String[]> reads = new LinkedHashMap<>();
        reads.put("tasks(health: RED), every plan", new String[] { PLANNER,
                "{ tasks(health: RED, first: 50) { totalCount edges { node { " + TASK_FIELDS + " } } } }" });
        reads.put("tasks(health: RED), every plan, with cooperating organizations", new String[] { PLANNER,
                "{ tasks(health: RED, first: 50) { totalCount edges { node { " + TASK_FIELDS + " cooperatingOrgs { id } } } } }" });
        reads.put("tasks(health: RED), every plan, without its total", new String[] { PLANNER,
                "{ tasks(health: RED, first: 50) { pageInfo { hasNextPage } edges { node { " + TASK_FIELDS + " } } } }" });
        reads.put("tasks(health: YELLOW), every plan", new String[] { PLANNER,
                "{ tasks(health: YELLOW, first: 50) { totalCount edges { node { " + TASK_FIELDS + " } } } }" });
        reads.put("tasks(health: GREEN), every plan", new String[] { PLANNER,
                "{ tasks(health: GREEN, first: 50) { totalCount edges { node { " + TASK_FIELDS + " } } } }" });
        reads.put("tasks(health: YELLOW) by deadline, one plan", new String[] { PLANNER,
                "{ tasks(planId: \"" + plan + "\", health: YELLOW, sortBy: DEADLINE, first: 50) { totalCount edges { node { "
                        + TASK_FIELDS + " } } } }" });
        reads.put("tasks(orgCode, includeSubOrgs, health: YELLOW), every plan", new String[] { PLANNER,
                "{ tasks(orgCode: \"nmg\", includeSubOrgs: true, health: YELLOW, first: 50) { totalCount edges { node { "
                        + TASK_FIELDS + " } } } }" });
        reads.put("dashboard, every plan", new String[] { PLANNER, "{ healthCounts { org { id } red yellow green done } }" });
        reads.put("dashboard, one plan", new String[] { PLANNER,
                "{ healthCounts(planId: \"" + plan + "\") { org { id } red yellow green done } }" });
        reads.put("dashboard page, every plan", new String[] { PLANNER,
                "{ healthCountPage(first: 20) { totalCount sum { red yellow green done total } pageInfo { hasNextPage endCursor }"
                        + " edges { node { org { id } red yellow green done total } } } }" });
        reads.put("dashboard page, one plan", new String[] { PLANNER, "{ healthCountPage(planId: \"" + plan
                + "\", first: 1) { totalCount sum { total } pageInfo { endCursor } edges { node { org { id } red total } } } }" });
        reads.put("approval queue", new String[] { PLANNER,
                "{ approvalQueue(first: 50) { totalCount edges { node { id status percent task { id title } } } } }" });
        reads.put("approval queue badge", new String[] { PLANNER, "{ approvalQueue(first: 0) { totalCount } }" });
        reads.put("reporter's inbox", new String[] { REPORTER,
                "{ myTasks(first: 50) { totalCount edges { reportDue returned node { " + TASK_FIELDS + " } } } }" });
        reads.put("reporter's inbox without its total", new String[] { REPORTER,
                "{ myTasks(first: 50) { pageInfo { hasNextPage } edges { reportDue returned node { " + TASK_FIELDS + " } } } }" });
        reads.put("reporter's inbox, 待填报", new String[] { REPORTER,
                "{ myTasks(reportDue: true, first: 50) { totalCount edges { reportDue returned node { " + TASK_FIELDS + " } } } }" });
        reads.put("plans with task counts", new String[] { PLANNER,
                "{ plans(first: 50) { totalCount edges { node { id title tasks(first: 0) { totalCount } } } } }" });
        reads.put("plans with their red tasks", new String[] { PLANNER,
                "{ plans(first: 50) { edges { node { id tasks(health: RED, first: 5) { totalCount edges { node { id health } } } } } } }" });
        return reads;
    }

    /** Statements per read, asked once before (caches, the first page's lookups), then the fewest of three counts. */
    private static Map<String, Long> statements(Map<String, String[]> reads) {
        Map<String, Long> counted = new LinkedHashMap<>();
        reads.forEach((name, read) -> {
            assertThat(post(read[0], read[1]).getString("errors")).as(name).isNull();
            counted.put(name, SqlStatements.fewestOfThree(() -> post(read[0], read[1])));
        });
        return counted;
    }

    /**
     * Led by 自治区教育厅 (the reporter's department), a milestone, a submitted report awaiting approval; of each four one
     * overdue (red), one behind its time (yellow), one on track (green) and one more overdue; every third also led by
     * 国土资源厅, which a reform replaced (the dashboard counts it as 自然资源厅). The one on track has no report this
     * period yet (待填报).
     */
    private static void addTasks(String plan, int count) {
        for (int i = 0; i < count; i++) {
            List<String> leads = i % 3 == 0 ? List.of("nmg.zjt", "nmg.fgw", "nmg.gtzyt") : List.of("nmg.zjt", "nmg.fgw");
            Map<String, Object> input = Api.task("规模任务 " + i, leads, List.of("nmg.gat"), i % 2 == 0 ? "2020-12-31" : "2030-12-31");
            input.put("milestones", List.of(Map.of("dueDate", "2029-06-30", "description", "阶段成果")));
            String task = Api.createTask(ADMIN, plan, input).getString("data.createTask.id");
            int percent = i % 4 == 1 ? 5 : 95;
            if (i % 4 == 3) {
                continue;
            }
            assertThat(Api.submit(ADMIN, task, "nmg.zjt", Api.thisQuarter(), percent, "推进中").getString("errors")).isNull();
        }
    }

    @Inject
    HealthSnapshots snapshots;

    /** Today's health snapshot built anew (the reads below answer from it and from the tasks written since). */
    private void snapshotOfToday() {
        Db.update("UPDATE health_snapshot_state SET day = NULL");
        assertThat(snapshots.buildIfDue().await().atMost(java.time.Duration.ofSeconds(60))).isTrue();
    }

    /** The reads that ask today's snapshot first and read live without one: the inbox's and the all-plans dashboard page. */
    private static Map<String, String[]> readsTryingTheSnapshotFirst(String plan) {
        Map<String, String[]> inbox = new LinkedHashMap<>(reads(plan));
        inbox.keySet().removeIf(name -> !name.startsWith("reporter's inbox") && !name.equals("dashboard page, every plan")
                && !name.startsWith("tasks(orgCode, includeSubOrgs, health"));
        return inbox;
    }

    @Test
    void everyListAndDashboardOfAProvinceIsTheSameNumberOfStatementsForFourTasksAndForSixtyMore() {
        String plan = Api.createPlan(ADMIN, "nmg", "2020-01-01");
        addTasks(plan, 4);
        snapshotOfToday();
        Map<String, Long> few = statements(reads(plan));
        for (String health : List.of("RED", "YELLOW", "GREEN")) {
            assertThat(post(PLANNER, "{ tasks(health: " + health + ", first: 0) { totalCount } }").getInt("data.tasks.totalCount"))
                    .as("the fixture has %s tasks, so their list reads its page's tasks", health).isPositive();
        }
        String other = Api.createPlan(ADMIN, "nmg", "2020-01-01");
        addTasks(plan, 30);
        addTasks(other, 30);
        Map<String, Long> many = statements(reads(plan));
        // Before the day's snapshot is built (after midnight, until the next check): the inbox's page and the dashboard's
        // page ask the snapshot, find none of today and are read live, one statement more; a subtree's list of one colour
        // asks it for its candidates either way.
        Db.update("UPDATE health_snapshot_state SET day = NULL");
        Map<String, Long> beforeTodaysSnapshot = statements(readsTryingTheSnapshotFirst(plan));

        assertThat(many).as("statements per read with 60 more tasks than " + few).isEqualTo(few);
        assertThat(beforeTodaysSnapshot).as("the inbox and the dashboard's page without a snapshot of today").isEqualTo(Map.of(
                "reporter's inbox", 10L, "reporter's inbox without its total", 9L, "reporter's inbox, 待填报", 10L, "dashboard page, every plan", 5L,
                "tasks(orgCode, includeSubOrgs, health: YELLOW), every plan", 9L));
        // Named, so that a read that grows by a statement shows here and not only as "still equal". Each count holds two
        // statements outside the read (the counter's reset is one) and the same in every row; a list is its page and count, then the page's tasks
        // with their plans, their milestones and their reports (HealthRule's reason; three at once) and one per field asked
        // (leadOrgs and cooperatingOrgs together, report.task);
        // without totalCount selected the list sends no count; the inbox's page comes from today's snapshot in one
        // statement (its organizations' rows, the tasks written since derived live, V14), and so do 待填报's page and
        // count (V20). The approval queue: its count
        // (from the backlog), its page's reports and their tasks (without health, not asked). A subtree's list of one colour
        // reads its candidates from today's snapshot before its page (docs/decisions/0018). The dashboard's page over every
        // plan walks today's rows per organization (docs/decisions/0020). A page of plans is its plans and its count (one
        // statement each), then one per task list asked of its plans.
        assertThat(few).as("statements per read").isEqualTo(Map.ofEntries(
                Map.entry("tasks(health: RED), every plan", 8L),
                Map.entry("tasks(health: RED), every plan, with cooperating organizations", 8L),
                Map.entry("tasks(health: RED), every plan, without its total", 7L),
                Map.entry("tasks(health: YELLOW), every plan", 8L),
                Map.entry("tasks(health: GREEN), every plan", 8L),
                Map.entry("tasks(health: YELLOW) by deadline, one plan", 8L),
                Map.entry("tasks(orgCode, includeSubOrgs, health: YELLOW), every plan", 9L),
                Map.entry("dashboard, every plan", 4L),
                Map.entry("dashboard, one plan", 4L),
                Map.entry("dashboard page, every plan", 4L),
                Map.entry("dashboard page, one plan", 4L),
                Map.entry("approval queue", 5L),
                Map.entry("approval queue badge", 3L),
                Map.entry("reporter's inbox", 9L),
                Map.entry("reporter's inbox without its total", 8L),
                Map.entry("reporter's inbox, 待填报", 9L),
                Map.entry("plans with task counts", 5L),
                Map.entry("plans with their red tasks", 8L)));
    }

    /**
     * The other plan-service reads: the list by an organization with everything below it, the list in a deadline
     * window by deadline, one plan with all its tasks, leads and latest percent, one task by id, and the plan's ledger (台账, xlsx).
     */
    private static Map<String, Long> wholePlanStatements(String plan) {
        Map<String, String[]> reads = new LinkedHashMap<>();
        reads.put("tasks(orgCode, includeSubOrgs), every plan", new String[] { PLANNER,
                "{ tasks(orgCode: \"nmg\", includeSubOrgs: true, first: 50) { totalCount edges { node { " + TASK_FIELDS + " } } } }" });
        reads.put("tasks(dueAfter, dueBefore) by deadline, every plan", new String[] { PLANNER,
                "{ tasks(dueAfter: \"2020-01-01\", dueBefore: \"2031-01-01\", sortBy: DEADLINE, first: 50) { totalCount edges { node { "
                        + TASK_FIELDS + " } } } }" });
        // The page after a keyset cursor by deadline: the tasks after the cursor's deadline, then those without one if the
        // page is not full, in one statement (docs/decisions/0019).
        String deadlinePage = "tasks(planId: \"" + plan + "\", sortBy: DEADLINE, first: 2%s) { totalCount pageInfo { endCursor } edges { node { ";
        String cursor = post(PLANNER, "{ " + deadlinePage.formatted("") + "id } } } }").getString("data.tasks.pageInfo.endCursor");
        reads.put("tasks by deadline, one plan, the page after a cursor", new String[] { PLANNER,
                "{ " + deadlinePage.formatted(", after: \"" + cursor + "\"") + TASK_FIELDS + " } } } }" });
        reads.put("one plan, all its tasks, leads and latest percent", new String[] { PLANNER,
                "{ plan(id: \"" + plan + "\") { id title tasks(first: 500) { totalCount edges { node { " + TASK_FIELDS
                        + " number title deadline { date } cooperatingOrgs { id } } } } } }" });
        String task = post(PLANNER, "{ plan(id: \"" + plan + "\") { tasks(first: 1) { edges { node { id } } } } }")
                .getString("data.plan.tasks.edges[0].node.id");
        reads.put("one task by id", new String[] { PLANNER, "{ task(id: \"" + task + "\") { " + TASK_FIELDS + " number title } }" });
        Map<String, Long> counted = statements(reads);
        Runnable ledger = () -> given().header("Authorization", "Bearer " + PLANNER)
                .when().get("/ledger/plans/" + plan + ".xlsx").then().statusCode(200);
        ledger.run();
        counted.put("ledger of the plan (xlsx)", SqlStatements.fewestOfThree(ledger));
        return counted;
    }

    @Test
    void theWholePlanOneTaskTheLedgerAndTheListsByOrganizationAndByDeadlineAreTheSameNumberOfStatementsForFourTasksAndForSixtyMore() {
        String plan = Api.createPlan(ADMIN, "nmg", "2020-01-01");
        addTasks(plan, 4);
        Map<String, Long> few = wholePlanStatements(plan);
        assertThat(post(PLANNER, "{ tasks(orgCode: \"nmg\", includeSubOrgs: true, dueAfter: \"2020-01-01\", dueBefore: \"2031-01-01\", "
                + "first: 0) { totalCount } }").getInt("data.tasks.totalCount")).as("both lists read a page of tasks").isPositive();
        String other = Api.createPlan(ADMIN, "nmg", "2020-01-01");
        addTasks(plan, 30);
        addTasks(other, 30);
        Map<String, Long> many = wholePlanStatements(plan);
        assertThat(post(PLANNER, "{ plan(id: \"" + plan + "\") { tasks(first: 500) { edges { node { id } } } } }")
                .getList("data.plan.tasks.edges")).as("the whole plan is read").hasSize(34);

        assertThat(many).as("statements per read with 60 more tasks than " + few).isEqualTo(few);
        // Named, as above (two of each count are the counter's): both lists and the whole plan cost what the red list
        // costs (cooperatingOrgs shares the leads' read); one task its assessment (three at once) and its leads; the ledger a
        // few more for its columns.
        assertThat(few).as("statements per read").isEqualTo(Map.ofEntries(
                Map.entry("tasks(orgCode, includeSubOrgs), every plan", 8L),
                Map.entry("tasks(dueAfter, dueBefore) by deadline, every plan", 8L),
                Map.entry("tasks by deadline, one plan, the page after a cursor", 8L),
                Map.entry("one plan, all its tasks, leads and latest percent", 8L),
                Map.entry("one task by id", 6L),
                Map.entry("ledger of the plan (xlsx)", 11L)));
    }
}
