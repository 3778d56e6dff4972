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
import io.restassured.path.json.JsonPath;

/** The reporter's inbox (myTasks), the approval queue, why a task has its colour, and the history of changes. */
@QuarkusTest
class WorkQueueApiTest {

    private static final String ADMIN = TestTokens.admin();

    @Inject
    TestClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.useSystemTime();
    }

    private static JsonPath inbox(String token, String args) {
        JsonPath answer = post(token, "{ myTasks(" + args + ") { totalCount edges { reportDue returned node { id health } } } }");
        assertThat(answer.getString("errors")).isNull();
        return answer;
    }

    private static Map<String, Object> edgeOf(JsonPath inbox, String taskId) {
        List<Map<String, Object>> edges = inbox.getList("data.myTasks.edges");
        return edges.stream().filter(e -> taskId.equals(((Map<?, ?>) e.get("node")).get("id"))).findFirst().orElse(null);
    }

    private static int queueSize(String token) {
        JsonPath answer = post(token, "{ approvalQueue(first: 0) { totalCount } }");
        assertThat(answer.getString("errors")).isNull();
        return answer.getInt("data.approvalQueue.totalCount");
    }

    private static List<String> queue(String token) {
        return post(token, "{ approvalQueue(first: 500) { edges { node { id task { id } } } } }").getList("data.approvalQueue.edges.node.id");
    }

    @Test
    void theInboxFlagsReportsDueAndReturnedUntilTheReporterResubmits() {
        String reporter = TestTokens.reporter("nmg.zjt");
        String plan = Api.createPlan(ADMIN, "nmg", null);
        String leading = Api.newTask(plan, List.of("nmg.zjt"), List.of(), "2030-12-31");
        String cooperating = Api.newTask(plan, List.of("nmg.gat"), List.of("nmg.zjt"), "2030-12-31");
        String notMine = Api.newTask(plan, List.of("nmg.gat"), List.of(), "2030-12-31");

        JsonPath before = inbox(reporter, "first: 500");
        assertThat(edgeOf(before, leading)).containsEntry("reportDue", true).containsEntry("returned", false);
        assertThat(edgeOf(before, cooperating)).isNotNull();
        assertThat(edgeOf(before, notMine)).isNull();
        assertThat(edgeOf(inbox(reporter, "first: 500, role: LEAD"), cooperating)).as("role filter").isNull();

        String report = Api.submit(reporter, leading, "nmg.zjt", Api.thisQuarter(), 10, "已启动").getString("data.submitProgressReport.id");
        assertThat(edgeOf(inbox(reporter, "first: 500"), leading)).containsEntry("reportDue", false);
        assertThat(Api.review(ADMIN, report, false, "请补充数据").getString("errors")).isNull();
        JsonPath returned = inbox(reporter, "first: 500, returned: true");
        assertThat(returned.getList("data.myTasks.edges.node.id")).contains(leading).doesNotContain(cooperating);
        assertThat(edgeOf(returned, leading)).containsEntry("reportDue", true);

        Api.submit(reporter, leading, "nmg.zjt", Api.thisQuarter(), 15, "已补充");
        assertThat(inbox(reporter, "first: 500, returned: true").getList("data.myTasks.edges.node.id")).doesNotContain(leading);
        assertThat(inbox(reporter, "first: 500, reportDue: true").getList("data.myTasks.edges.node.id")).doesNotContain(leading).contains(cooperating);
    }

    @Test
    void aSuccessorsInboxHoldsTheTasksOfTheBodyItReplaced() {
        String plan = Api.createPlan(ADMIN, "nmg", null);
        String inherited = Api.newTask(plan, List.of("nmg.gtzyt"), List.of(), "2030-12-31");
        assertThat(inbox(TestTokens.reporter("nmg.zrzyt"), "first: 500").getList("data.myTasks.edges.node.id")).contains(inherited);
    }

    @Test
    void theApprovalQueueHoldsSubmittedReportsOfTasksTheCallerMaySteerOldestFirst() {
        String plan = Api.createPlan(ADMIN, "nmg", null);
        String task = Api.newTask(plan, List.of("nmg.zjt"), List.of("nmg.gat"), "2030-12-31");
        String leadPlanner = TestTokens.planner("nmg");
        String otherReporter = TestTokens.reporter("nmg.gat");
        int plannerBefore = queueSize(leadPlanner);
        int otherBefore = queueSize(otherReporter);

        String first = Api.submit(TestTokens.reporter("nmg.gat"), task, "nmg.gat", Api.thisQuarter(), 5, "配合推进").getString("data.submitProgressReport.id");
        String second = Api.submit(TestTokens.reporter("nmg.zjt"), task, "nmg.zjt", Api.thisQuarter(), 10, "牵头推进").getString("data.submitProgressReport.id");

        assertThat(queueSize(leadPlanner)).isEqualTo(plannerBefore + 2);
        assertThat(queueSize(TestTokens.reporter("nmg.zjt"))).as("the lead's reporter reviews too").isGreaterThanOrEqualTo(2);
        assertThat(queueSize(otherReporter)).as("a cooperating unit does not review").isEqualTo(otherBefore);
        assertThat(queueSize(TestTokens.viewer())).isZero();
        List<String> ordered = queue(leadPlanner);
        assertThat(ordered.indexOf(first)).isLessThan(ordered.indexOf(second));

        assertThat(Api.review(leadPlanner, first, true, null).getString("errors")).isNull();
        assertThat(queue(leadPlanner)).doesNotContain(first).contains(second);
    }

    @Test
    void aTaskSaysWhyItIsRedOrYellow() {
        clock.setToday(LocalDate.of(2025, 8, 15));
        String plan = Api.createPlan(ADMIN, "nmg", "2025-01-01");
        String late = Api.newTask(plan, List.of("nmg.zjt"), List.of(), "2025-08-01");
        String soon = Api.newTask(plan, List.of("nmg.zjt"), List.of(), "2025-09-01");
        JsonPath reasons = post(TestTokens.viewer(), "query($a: ID!, $b: ID!) { a: task(id: $a) { health healthReason { kind since days text } } "
                + "b: task(id: $b) { health healthReason { kind since days text } } }", Map.of("a", late, "b", soon));
        assertThat(reasons.getString("data.a.healthReason.kind")).isEqualTo("OVERDUE");
        assertThat(reasons.getString("data.a.healthReason.since")).isEqualTo("2025-08-01");
        assertThat(reasons.getInt("data.a.healthReason.days")).isEqualTo(14);
        assertThat(reasons.getString("data.a.healthReason.text")).isEqualTo("已超过完成时限（2025年8月1日）14天");
        assertThat(reasons.getString("data.b.healthReason.kind")).isEqualTo("DUE_SOON");
        assertThat(reasons.getInt("data.b.healthReason.days")).isEqualTo(17);
    }

    @Test
    void historyShowsWhoChangedWhatOnTasksPlansAndReports() {
        String plan = Api.createPlan(ADMIN, "nmg", null);
        String task = Api.newTask(plan, List.of("nmg.zjt"), List.of(), "2030-12-31");
        String planner = TestTokens.planner("nmg");
        assertThat(Api.setStatus(planner, task, 0, "IN_PROGRESS").getString("errors")).isNull();
        String report = Api.submit(TestTokens.reporter("nmg.zjt"), task, "nmg.zjt", Api.thisQuarter(), 10, "已启动").getString("data.submitProgressReport.id");
        Api.review(planner, report, false, "请补充");

        JsonPath read = post(TestTokens.viewer(), """
                query($t: ID!, $p: ID!) {
                  task(id: $t) { createdBy updatedBy history { actor action changes { field before after } }
                                 reports { history { action actor } } }
                  plan(id: $p) { createdBy updatedBy history { action } }
                }""", Map.of("t", task, "p", plan));
        assertThat(read.getString("errors")).isNull();
        List<String> actions = read.getList("data.task.history.action");
        assertThat(actions).containsExactly("UPDATE", "CREATE");
        List<Map<String, String>> changes = read.getList("data.task.history[0].changes");
        assertThat(changes).contains(Map.of("field", "status", "before", "NOT_STARTED", "after", "IN_PROGRESS"));
        assertThat(read.getString("data.task.updatedBy")).isNotEqualTo(read.getString("data.task.createdBy"));
        assertThat(read.getList("data.task.reports[0].history.action")).containsExactly("RETURN", "SUBMIT");
        assertThat(read.getList("data.plan.history.action")).containsExactly("CREATE");
        assertThat(read.getString("data.plan.updatedBy")).isEqualTo(read.getString("data.plan.createdBy"));
    }

    @Test
    void aQueuedReportShowsItsTasksOwnFieldsAndItsHealthWhenAsked() {
        String plan = Api.createPlan(ADMIN, "nmg", "2020-01-01");
        String overdue = Api.newTask(plan, List.of("nmg.zjt"), List.of(), "2020-12-31");
        String report = Api.submit(TestTokens.reporter("nmg.zjt"), overdue, "nmg.zjt", Api.thisQuarter(), 40, "推进中")
                .getString("data.submitProgressReport.id");
        String own = "id number title status deadline { date } createdBy";

        JsonPath plain = post(ADMIN, "{ approvalQueue(first: 500) { edges { node { id task { " + own + " } } } } }");
        JsonPath assessed = post(ADMIN, "{ approvalQueue(first: 500) { edges { node { id task { " + own + " health progressPercent } } } } }");
        assertThat(plain.getString("errors")).isNull();
        assertThat(assessed.getString("errors")).isNull();
        Map<String, Object> plainTask = taskOf(plain, report);
        Map<String, Object> assessedTask = taskOf(assessed, report);
        assertThat(plainTask).containsEntry("id", overdue).containsEntry("createdBy", assessedTask.get("createdBy"))
                .containsEntry("title", assessedTask.get("title")).containsEntry("deadline", Map.of("date", "2020-12-31"));
        assertThat(assessedTask).containsEntry("health", "RED").containsEntry("progressPercent", 40);
    }

    private static Map<String, Object> taskOf(JsonPath queue, String reportId) {
        List<Map<String, Object>> nodes = queue.getList("data.approvalQueue.edges.node");
        return nodes.stream().filter(n -> reportId.equals(n.get("id"))).findFirst().map(n -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> task = (Map<String, Object>) n.get("task");
            return task;
        }).orElseThrow();
    }
}
