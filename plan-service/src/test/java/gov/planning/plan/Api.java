package gov.planning.plan;

import static gov.planning.testing.GraphQLClient.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import gov.planning.plan.cycle.ReportingPeriod;
import gov.planning.plan.entity.ReportCadence;
import gov.planning.testing.TestClock;
import io.restassured.path.json.JsonPath;

/** The GraphQL operations the task tests use, as a client would send them. */
final class Api {

    static final String TASK_FIELDS = """
            id number title description status health progressPercent version
            plan { id } leadOrgs { id } cooperatingOrgs { id } deadline { date ongoing text }
            milestones { dueDate description done } reports { id status percent }""";

    private Api() {
    }

    static String createPlan(String token, String issuerCode, String issuedOn) {
        Map<String, Object> input = new HashMap<>(Map.of("title", "测试方案 " + System.nanoTime(), "kind", "TASK_DIVISION",
                "issuerId", FakeOrgTree.ids(issuerCode)));
        if (issuedOn != null) {
            input.put("issuedOn", issuedOn);
        }
        JsonPath created = post(token, "mutation($input: PlanInput!) { createPlan(input: $input) { id } }", Map.of("input", input));
        assertThat(created.getString("errors")).isNull();
        return created.getString("data.createPlan.id");
    }

    static JsonPath createTask(String token, String planId, Map<String, Object> input) {
        return post(token, "mutation($plan: ID!, $input: TaskInput!) { createTask(planId: $plan, input: $input) { " + TASK_FIELDS + " } }",
                Map.of("plan", planId, "input", input));
    }

    /** A task with the given leads and cooperating organizations (codes), due on {@code deadline} (null: none). */
    static Map<String, Object> task(String title, List<String> leads, List<String> cooperating, String deadline) {
        Map<String, Object> input = new HashMap<>();
        input.put("title", title);
        input.put("leadOrgIds", leads.stream().map(FakeOrgTree::ids).toList());
        input.put("cooperatingOrgIds", cooperating.stream().map(FakeOrgTree::ids).toList());
        if (deadline != null) {
            input.put("deadline", deadline);
        }
        return input;
    }

    static String newTask(String planId, List<String> leads, List<String> cooperating, String deadline) {
        JsonPath created = createTask(gov.planning.testing.TestTokens.admin(), planId, task("任务 " + System.nanoTime(), leads, cooperating, deadline));
        assertThat(created.getString("errors")).isNull();
        return created.getString("data.createTask.id");
    }

    static JsonPath readTask(String token, String id) {
        return post(token, "query($id: ID!) { task(id: $id) { " + TASK_FIELDS + " } }", Map.of("id", id));
    }

    static int version(String taskId) {
        return readTask(gov.planning.testing.TestTokens.viewer(), taskId).getInt("data.task.version");
    }

    static JsonPath setStatus(String token, String taskId, int version, String status) {
        return post(token, "mutation($id: ID!, $v: Int!, $s: TaskStatus) { updateTask(id: $id, version: $v, status: $s) { status version } }",
                Map.of("id", taskId, "v", version, "s", status));
    }

    /** The current quarter's code by the real clock (a period accepts reports from its first day). */
    static String thisQuarter() {
        return quarter(LocalDate.now(TestClock.ZONE));
    }

    static String quarter(LocalDate day) {
        return ReportingPeriod.containing(ReportCadence.QUARTERLY, day).code();
    }

    static JsonPath submit(String token, String taskId, String orgCode, String period, Integer percent, String summary) {
        Map<String, Object> vars = new HashMap<>(Map.of("task", taskId, "org", FakeOrgTree.ids(orgCode), "period", period, "summary", summary));
        if (percent != null) {
            vars.put("percent", percent);
        }
        return post(token, """
                mutation($task: ID!, $org: ID!, $period: String!, $percent: Int, $summary: String!) {
                  submitProgressReport(taskId: $task, orgId: $org, period: $period, percent: $percent, summary: $summary,
                                       problems: "资金不足", nextSteps: "加快推进") {
                    id status percent org { id } task { id progressPercent } reportedBy
                  }
                }""", vars);
    }

    static JsonPath review(String token, String reportId, boolean approve, String comment) {
        Map<String, Object> vars = new HashMap<>(Map.of("id", reportId, "approve", approve));
        if (comment != null) {
            vars.put("comment", comment);
        }
        return post(token, "mutation($id: ID!, $approve: Boolean!, $comment: String) { reviewProgressReport(id: $id, approve: $approve, comment: $comment) { id status reviewComment } }",
                vars);
    }

    static long auditEntries(String entityId) {
        return Db.count("SELECT count(*) FROM audit_trail WHERE entity_id = ?", java.util.UUID.fromString(entityId));
    }
}
