package gov.planning.plan;

import static gov.planning.testing.GraphQLClient.firstErrorCode;
import static gov.planning.testing.GraphQLClient.post;
import static gov.planning.testing.TestTokens.admin;
import static gov.planning.testing.TestTokens.planner;
import static gov.planning.testing.TestTokens.reporter;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Permission and existence checks that ask org-service run before the write's transaction opens (issue #19, item 2):
 * no write holds a database session, with its pooled connection, while it waits on org-service ({@link FakeOrgTree}
 * notes every look-up made inside one). What a check was based on must still hold when the transaction writes; a
 * change in between is CONFLICT, and nothing is written.
 */
@QuarkusTest
class ChecksBeforeTransactionsTest {

    private static final Duration STUCK = Duration.ofSeconds(60);

    /** Runs one write; it must succeed, ask org-service, and ask it only while holding no database session. */
    private static JsonPath outsideSessions(String write, Supplier<JsonPath> call) {
        FakeOrgTree.ASKED_IN_SESSION.clear();
        int before = FakeOrgTree.ASKED.get();
        JsonPath answer = call.get();
        assertThat(answer.getString("errors")).as(write).isNull();
        assertThat(FakeOrgTree.ASKED.get()).as(write + " asks org-service").isGreaterThan(before);
        assertThat(FakeOrgTree.ASKED_IN_SESSION).as(write + " asked org-service while holding a database session").isEmpty();
        return answer;
    }

    @Test
    void everyWriteOfPlansOutlinesTasksAndReportsAsksOrgServiceBeforeItsTransaction() {
        String plan = outsideSessions("createPlan", () -> post(planner("nmg"),
                "mutation($input: PlanInput!) { createPlan(input: $input) { id } }", Map.of("input", Map.of("title",
                        "短事务 " + System.nanoTime(), "kind", "TASK_DIVISION", "issuerId", FakeOrgTree.ids("nmg"), "issuedOn", "2024-01-01"))))
                .getString("data.createPlan.id");
        outsideSessions("updatePlanReporting", () -> post(planner("nmg"),
                "mutation($id: ID!) { updatePlanReporting(id: $id, reportDueDay: 12) { reportDueDay } }", Map.of("id", plan)));
        outsideSessions("createSection", () -> post(planner("nmg"),
                "mutation($p: ID!) { createSection(planId: $p, input: { heading: \"一、总体要求\" }) { id } }", Map.of("p", plan)));
        String task = outsideSessions("createTask", () -> Api.createTask(planner("nmg"), plan,
                Api.task("任务 " + System.nanoTime(), List.of("nmg.mengshi-govs"), List.of("nmg.zjt"), "2030-12-31")))
                .getString("data.createTask.id");
        outsideSessions("publishPlan", () -> post(planner("nmg"), "mutation($id: ID!) { publishPlan(id: $id) { status } }",
                Map.of("id", plan)));
        outsideSessions("updateTask (assigning)", () -> post(planner("nmg"),
                "mutation($id: ID!, $v: Int!, $d: Date) { updateTask(id: $id, version: $v, deadline: $d) { version } }",
                Map.of("id", task, "v", Api.version(task), "d", "2029-12-31")));
        outsideSessions("updateTask (steering)", () -> Api.setStatus(reporter("nmg.bt"), task, Api.version(task), "IN_PROGRESS"));
        // A member of the lead collective reports in its own name: the look-up of whom it acts for.
        String period = Api.thisQuarter();
        String report = outsideSessions("submitProgressReport", () -> Api.submit(reporter("nmg.bt"), task, "nmg.bt", period, 20, "进展"))
                .getString("data.submitProgressReport.id");
        outsideSessions("reviewProgressReport", () -> Api.review(reporter("nmg.hhht"), report, true, null));
        outsideSessions("reopenReportingPeriod", () -> post(planner("nmg"), """
                mutation($t: ID!, $o: ID!, $p: String!) {
                  reopenReportingPeriod(taskId: $t, orgId: $o, period: $p, reason: "数据有误") { period }
                }""", Map.of("t", task, "o", FakeOrgTree.ids("nmg.bt"), "p", period)));
    }

    @Test
    void aReviewerWhoseOrganizationStoppedLeadingTheTaskWhileTheirCheckWaitedGetsConflictAndTheReportStaysOpen() throws Exception {
        String plan = Api.createPlan(admin(), "nmg", "2024-01-01");
        String task = Api.newTask(plan, List.of("nmg.zjt"), List.of("nmg.fgw"), "2030-12-31");
        JsonPath submitted = Api.submit(reporter("nmg.fgw"), task, "nmg.fgw", Api.thisQuarter(), 30, "配合单位进展");
        assertThat(submitted.getString("errors")).isNull();
        String report = submitted.getString("data.submitProgressReport.id");

        CompletableFuture<Void> orgService = FakeOrgTree.slowFor("nmg.zjt");
        try {
            CompletableFuture<JsonPath> review = CompletableFuture.supplyAsync(() -> Api.review(reporter("nmg.zjt"), report, true, null));
            assertThat(FakeOrgTree.waiting("nmg.zjt").await(STUCK.toSeconds(), TimeUnit.SECONDS))
                    .as("the reviewer's check is waiting on org-service").isTrue();

            // Meanwhile the plan's planners hand the task to another lead; the reviewer's check holds nothing up.
            JsonPath reassigned = post(admin(), "mutation($id: ID!, $v: Int!, $l: [String!]) { updateTask(id: $id, version: $v, leadOrgIds: $l) { version } }",
                    Map.of("id", task, "v", Api.version(task), "l", List.of(FakeOrgTree.ids("nmg.gat"))));
            assertThat(reassigned.getString("errors")).isNull();
            assertThat(review).isNotDone();

            orgService.complete(null);
            assertThat(review).succeedsWithin(STUCK).satisfies(answer -> assertThat(firstErrorCode(answer)).isEqualTo("CONFLICT"));
        } finally {
            orgService.complete(null);
        }
        assertThat(Db.count("SELECT count(*) FROM progress_report WHERE id = ? AND status = 'SUBMITTED'", UUID.fromString(report)))
                .isEqualTo(1);
    }
}
