package gov.planning.plan;

import static gov.planning.testing.GraphQLClient.firstErrorCode;
import static gov.planning.testing.GraphQLClient.post;
import static gov.planning.testing.TestTokens.admin;
import static gov.planning.testing.TestTokens.reporter;
import static gov.planning.testing.TestTokens.viewer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import gov.planning.plan.cycle.OwedReport;
import gov.planning.plan.cycle.SqlReportsOwed;
import gov.planning.plan.reminder.ReminderScan;
import gov.planning.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The one hidden-plan rule (repository/HiddenPlans): a plan being imported and its tasks and reports are shown by no
 * read. Each read path is asked about the same published plan twice, once shown and once hidden (only its
 * {@code importing} flag differs), so each assertion is known to be able to fail.
 */
@QuarkusTest
class HiddenPlanTest {

    private static final LocalDate DUE = LocalDate.of(2031, 3, 20);

    @Inject
    SqlReportsOwed reportsOwed;

    @Inject
    ReminderScan scan;

    private String plan;
    private String task;
    private String report;

    @BeforeEach
    void aPublishedPlanWithATaskAndASubmittedReport() {
        plan = Api.createPlan(admin(), "nmg", "2024-01-01");
        assertThat(post(admin(), "mutation($id: ID!) { publishPlan(id: $id) { status } }", Map.of("id", plan)).getString("errors")).isNull();
        task = Api.newTask(plan, List.of("nmg.zjt"), List.of(), DUE.toString());
        var submitted = Api.submit(reporter("nmg.zjt"), task, "nmg.zjt", Api.thisQuarter(), 10, "进展");
        assertThat(submitted.getString("errors")).isNull();
        report = submitted.getString("data.submitProgressReport.id");
    }

    private void hide(boolean hidden) {
        Db.update("UPDATE plan SET importing = ? WHERE id = ?", hidden, UUID.fromString(plan));
    }

    private boolean planById() {
        return post(viewer(), "query($id: ID!) { plan(id: $id) { id } }", Map.of("id", plan)).getString("data.plan") != null;
    }

    private boolean inPlanList() {
        return post(viewer(), "{ plans(first: 500) { edges { node { id } } } }").getList("data.plans.edges.node.id").contains(plan);
    }

    private boolean planEntity() {
        return post(viewer(), "query($r: [_Any!]!) { _entities(representations: $r) { ... on Plan { id } } }",
                Map.of("r", List.of(Map.of("__typename", "Plan", "id", plan)))).getString("data._entities[0]") != null;
    }

    private boolean taskById() {
        return post(viewer(), "query($id: ID!) { task(id: $id) { id } }", Map.of("id", task)).getString("data.task") != null;
    }

    private boolean taskEntity() {
        return post(viewer(), "query($r: [_Any!]!) { _entities(representations: $r) { ... on Task { id } } }",
                Map.of("r", List.of(Map.of("__typename", "Task", "id", task)))).getString("data._entities[0]") != null;
    }

    private boolean inTaskLists() {
        boolean byPlan = post(viewer(), "query($p: ID) { tasks(planId: $p, first: 500) { totalCount } }", Map.of("p", plan))
                .getInt("data.tasks.totalCount") > 0;
        boolean byOrg = post(viewer(), "query($o: ID) { tasks(orgId: $o, first: 500) { edges { node { id } } } }",
                Map.of("o", FakeOrgTree.ids("nmg.zjt"))).getList("data.tasks.edges.node.id").contains(task);
        assertThat(byOrg).as("the organization's list agrees with the plan's").isEqualTo(byPlan);
        return byPlan;
    }

    private boolean inInbox() {
        return post(reporter("nmg.zjt"), "{ myTasks(first: 500) { edges { node { id } } } }").getList("data.myTasks.edges.node.id")
                .contains(task);
    }

    private boolean inApprovalQueue() {
        return post(admin(), "{ approvalQueue(first: 500) { edges { node { id } } } }").getList("data.approvalQueue.edges.node.id")
                .contains(report);
    }

    private boolean inHealthCounts() {
        return !post(viewer(), "query($id: ID) { healthCounts(planId: $id) { total } }", Map.of("id", plan))
                .getList("data.healthCounts").isEmpty();
    }

    private boolean ledger() {
        int status = given().header("Authorization", "Bearer " + viewer()).when().get("/ledger/plans/" + plan + ".xlsx")
                .then().extract().statusCode();
        assertThat(status).isIn(200, 404);
        return status == 200;
    }

    private boolean owed() {
        LocalDate today = LocalDate.now(TestClock.ZONE);
        List<OwedReport> owed = reportsOwed.dueBetween(today.minusDays(200), today.plusDays(200)).await().atMost(Duration.ofSeconds(60));
        return owed.stream().anyMatch(o -> o.taskId().toString().equals(task));
    }

    private boolean reminded() {
        scan.scan(DUE.minusDays(2)).await().atMost(Duration.ofSeconds(60));
        return Db.count("SELECT count(*) FROM reminder WHERE task_id = ? AND rule = 'DUE_SOON'", UUID.fromString(task)) > 0;
    }

    private boolean remindable() {
        String answer = firstErrorCode(post(admin(), """
                mutation($task: ID!) { remindTask(taskId: $task, message: "请尽快报送") { id } }""", Map.of("task", task)));
        assertThat(answer).isIn(null, "NOT_FOUND");
        return answer == null;
    }

    private boolean writable() {
        // The task is new (version 0); its version cannot be read while it is hidden.
        String answer = firstErrorCode(Api.setStatus(admin(), task, 0, "IN_PROGRESS"));
        assertThat(answer).isIn(null, "NOT_FOUND");
        return answer == null;
    }

    @Test
    void aHiddenPlanIsShownByNoPlanRead() {
        hide(true);
        assertThat(planById()).as("plan(id)").isFalse();
        assertThat(inPlanList()).as("plans").isFalse();
        assertThat(planEntity()).as("the gateway's Plan entity look-up").isFalse();
        assertThat(ledger()).as("the plan's ledger").isFalse();
        hide(false);
        assertThat(planById()).isTrue();
        assertThat(inPlanList()).isTrue();
        assertThat(planEntity()).isTrue();
        assertThat(ledger()).isTrue();
    }

    @Test
    void theTasksOfAHiddenPlanAreShownByNoTaskRead() {
        hide(true);
        assertThat(taskById()).as("task(id)").isFalse();
        assertThat(taskEntity()).as("the gateway's Task entity look-up").isFalse();
        assertThat(inTaskLists()).as("tasks(planId), tasks(orgId)").isFalse();
        assertThat(inInbox()).as("myTasks").isFalse();
        assertThat(inHealthCounts()).as("healthCounts(planId)").isFalse();
        hide(false);
        assertThat(taskById()).isTrue();
        assertThat(taskEntity()).isTrue();
        assertThat(inTaskLists()).isTrue();
        assertThat(inInbox()).isTrue();
        assertThat(inHealthCounts()).isTrue();
    }

    @Test
    void theReportsOfAHiddenPlanAreQueuedOwedAndRemindedNowhere() {
        hide(true);
        assertThat(inApprovalQueue()).as("approvalQueue").isFalse();
        assertThat(owed()).as("the reports owed").isFalse();
        assertThat(reminded()).as("the reminder scan").isFalse();
        assertThat(remindable()).as("remindTask").isFalse();
        hide(false);
        assertThat(inApprovalQueue()).isTrue();
        assertThat(owed()).isTrue();
        assertThat(reminded()).isTrue();
        assertThat(remindable()).isTrue();
    }

    @Test
    void aTaskOfAHiddenPlanCannotBeChanged() {
        hide(true);
        assertThat(writable()).as("updateTask").isFalse();
        hide(false);
        assertThat(writable()).isTrue();
    }
}
