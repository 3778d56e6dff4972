package gov.planning.plan;

import static gov.planning.testing.BadInput.of;
import static gov.planning.testing.BadInput.vars;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.planning.testing.BadInput;
import gov.planning.testing.BadInput.Case;
import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Every refused input of plan-service answers a documented code, never a 5xx or internals, and writes nothing:
 * impossible dates, control characters and broken text, malformed ids, out-of-range numbers, and malformed requests.
 */
@QuarkusTest
class BadInputTest {

    private static final String ADMIN = TestTokens.admin();
    private static final String BAD = "BAD_USER_INPUT";
    private static final String CREATE_TASK = "mutation($plan: ID!, $input: TaskInput!) { createTask(planId: $plan, input: $input) { id } }";
    private static final String CREATE_PLAN = "mutation($input: PlanInput!) { createPlan(input: $input) { id } }";
    private static final String SUBMIT = """
            mutation($task: ID!, $org: ID!, $period: String!, $percent: Int, $summary: String!) {
              submitProgressReport(taskId: $task, orgId: $org, period: $period, percent: $percent, summary: $summary) { id }
            }""";
    private static final String UPDATE = """
            mutation($id: ID!, $v: Int!, $d: Date, $leads: [String!]) { updateTask(id: $id, version: $v, deadline: $d, leadOrgIds: $leads) { id } }""";

    private static long rows() {
        return Db.count("SELECT (SELECT count(*) FROM plan) + (SELECT count(*) FROM task) + (SELECT count(*) FROM section)"
                + " + (SELECT count(*) FROM milestone) + (SELECT count(*) FROM progress_report) + (SELECT count(*) FROM task_org)"
                + " + (SELECT count(*) FROM audit_trail) + (SELECT coalesce(sum(version), 0) FROM task)");
    }

    private static Map<String, Object> task(String field, Object value) {
        Map<String, Object> input = new HashMap<>(Api.task("任务", List.of("nmg.zjt"), List.of(), null));
        input.put(field, value);
        return input;
    }

    private static Map<String, Object> plan(String field, Object value) {
        Map<String, Object> input = new HashMap<>(Map.of("title", "方案", "kind", "PLAN", "issuerId", FakeOrgTree.ids("nmg")));
        input.put(field, value);
        return input;
    }

    @Test
    void everyBadInputIsRefusedWithItsCodeWithoutInternalsAndWritesNothing() {
        String planId = Api.createPlan(ADMIN, "nmg", "2024-01-01");
        String taskId = Api.newTask(planId, List.of("nmg.zjt"), List.of(), "2030-12-31");
        String org = FakeOrgTree.ids("nmg.zjt");
        List<Case> cases = new ArrayList<>();

        // impossible or out-of-range dates, wherever a Date is typed
        for (String date : List.of("2025-02-30", "2025-13-01", "12025-01-01", "+99999-01-01", "1899-12-31", "2025/01/01", "2025-1-1")) {
            cases.add(of("task deadline " + date, BAD, CREATE_TASK, vars("plan", planId, "input", task("deadline", date))));
        }
        cases.add(of("milestone dueDate", BAD, CREATE_TASK, vars("plan", planId,
                "input", task("milestones", List.of(Map.of("dueDate", "2025-02-29", "description", "出台细则"))))));
        cases.add(of("plan issuedOn", BAD, CREATE_PLAN, vars("input", plan("issuedOn", "2024-02-30"))));
        cases.add(of("updateTask deadline variable", BAD, UPDATE, vars("id", taskId, "v", 0, "d", "+99999-01-01")));
        cases.add(of("updateTask deadline literal", BAD,
                "mutation($id: ID!) { updateTask(id: $id, version: 0, deadline: \"2031-04-31\") { id } }", vars("id", taskId)));
        cases.add(of("tasks dueBefore", BAD, "{ tasks(dueBefore: \"2025-02-30\") { totalCount } }", vars()));

        // control characters, NUL and broken surrogates in text
        cases.add(of("task title NUL", BAD, CREATE_TASK, vars("plan", planId, "input", task("title", "任务\u0000"))));
        cases.add(of("task title bell", BAD, CREATE_TASK, vars("plan", planId, "input", task("title", "任务\u0007"))));
        cases.add(of("task title escape", BAD, CREATE_TASK, vars("plan", planId, "input", task("title", "\u001b[31m任务"))));
        cases.add(of("task title lone high surrogate", BAD, CREATE_TASK, vars("plan", planId, "input", task("title", "任务\ud800"))));
        cases.add(of("task title lone low surrogate", BAD, CREATE_TASK, vars("plan", planId, "input", task("title", "\udc00任务"))));
        cases.add(of("task title line break", BAD, CREATE_TASK, vars("plan", planId, "input", task("title", "第一行\n第二行"))));
        cases.add(of("task number tab", BAD, CREATE_TASK, vars("plan", planId, "input", task("number", "（一）\t"))));
        cases.add(of("task description NUL", BAD, CREATE_TASK, vars("plan", planId, "input", task("description", "说明\u0000"))));
        cases.add(of("task deadlineText C1 control", BAD, CREATE_TASK, vars("plan", planId, "input", task("deadlineText", "年底\u0085"))));
        cases.add(of("milestone description NUL", BAD, CREATE_TASK, vars("plan", planId,
                "input", task("milestones", List.of(Map.of("description", "细则\u0000"))))));
        cases.add(of("plan title NUL", BAD, CREATE_PLAN, vars("input", plan("title", "方案\u0000"))));
        cases.add(of("plan docNumber escape", BAD, CREATE_PLAN, vars("input", plan("docNumber", "内政发\u001b〔2024〕1号"))));
        cases.add(of("plan docNumber DEL", BAD, CREATE_PLAN, vars("input", plan("docNumber", "内政发\u007f1号"))));
        cases.add(of("report summary NUL", BAD, SUBMIT, vars("task", taskId, "org", org, "period", "2025", "percent", 10, "summary", "进展\u0000")));
        cases.add(of("report period surrogate", BAD, SUBMIT, vars("task", taskId, "org", org, "period", "2025\udbff", "percent", 10, "summary", "进展")));
        cases.add(of("report period line break", BAD, SUBMIT, vars("task", taskId, "org", org, "period", "2025\n", "percent", 10, "summary", "进展")));
        cases.add(of("section heading NUL", BAD, "mutation($p: ID!) { createSection(planId: $p, input: { heading: \"章\\u0000\" }) { id } }",
                vars("p", planId)));
        cases.add(of("review comment NUL", BAD, "mutation($id: ID!) { reviewProgressReport(id: $id, approve: false, comment: \"补充\\u0000\") { id } }",
                vars("id", java.util.UUID.randomUUID().toString())));
        cases.add(of("import text NUL", BAD, "mutation($t: String!) { importPlanDocument(text: $t, dryRun: false, issuerCode: \"nmg\") { title } }",
                vars("t", "关于印发方案的通知\u0000")));
        cases.add(of("import issuerCode control", BAD, "mutation($t: String!) { importPlanDocument(text: $t, issuerCode: \"nmg\\u0001\") { title } }",
                vars("t", "关于印发方案的通知")));

        // malformed ids a client typed
        cases.add(of("task(id) not a uuid", BAD, "{ task(id: \"x\") { id } }", vars()));
        cases.add(of("plan(id) not a uuid", BAD, "{ plan(id: \"1-2-3-4-5\") { id } }", vars()));
        cases.add(of("tasks(orgId) not a uuid", BAD, "{ tasks(orgId: \"nmg.zjt\") { totalCount } }", vars()));
        cases.add(of("healthCounts(planId) not a uuid", BAD, "{ healthCounts(planId: \"zzz\") { total } }", vars()));
        cases.add(of("healthCountPage(planId) not a uuid", BAD, "{ healthCountPage(planId: \"zzz\") { totalCount } }", vars()));
        cases.add(of("healthCountPage first negative", BAD, "{ healthCountPage(first: -1) { totalCount } }", vars()));
        cases.add(of("healthCountPage first over 500", BAD, "{ healthCountPage(first: 501) { totalCount } }", vars()));
        cases.add(of("healthCountPage after not a cursor", BAD, "{ healthCountPage(after: \"zzz\") { totalCount } }", vars()));
        cases.add(of("healthCountPage after a task list's cursor", BAD, "query($a: String) { healthCountPage(after: $a) { totalCount } }",
                vars("a", gov.planning.common.api.Cursor.encode(3, java.util.UUID.randomUUID() + ",1," + java.util.UUID.randomUUID()))));
        // a task list's cursor with a value its order cannot read (docs/decisions/0019)
        String task = java.util.UUID.randomUUID().toString();
        for (String key : List.of("DEADLINE:" + task + "=2025-02-30", "PROGRESS:" + task + "=五十", "UPDATED:" + task + "=yesterday",
                "DEADLINE:" + task + "=+99999-01-01", "UPDATED:" + task + "=0000-01-01T00:00:00Z", "TITLE:" + task, "UPDATED:" + task, "DEADLINE:" + "-".repeat(36) + "=2025-01-01", "DEADLINE:" + task.substring(1))) {
            String cursor = gov.planning.common.api.Cursor.encode(3, key);
            cases.add(of("tasks after " + key, BAD, "query($a: String) { tasks(sortBy: DEADLINE, after: $a) { totalCount } }", vars("a", cursor)));
            cases.add(of("myTasks after " + key, BAD, "query($a: String) { myTasks(after: $a) { totalCount } }", vars("a", cursor)));
            cases.add(of("plan.tasks after " + key, BAD, "query($p: ID!, $a: String) { plan(id: $p) { tasks(after: $a) { totalCount } } }",
                    vars("p", planId, "a", cursor)));
        }
        // the same arguments on a batched field (a plan's, an organization's tasks), which resolves a whole list at once
        cases.add(of("plan.tasks first over 500", BAD, "query($p: ID!) { plan(id: $p) { tasks(first: 501) { totalCount } } }", vars("p", planId)));
        cases.add(of("plan.tasks after not a cursor", BAD, "query($p: ID!) { plan(id: $p) { tasks(after: \"zzz\") { totalCount } } }", vars("p", planId)));
        cases.add(of("plan.tasks search NUL", BAD, "query($p: ID!, $s: String) { plan(id: $p) { tasks(search: $s) { totalCount } } }",
                vars("p", planId, "s", "进展\u0000")));
        cases.add(of("Organization.tasks first negative", BAD,
                "query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { tasks(first: -1) { totalCount } } } }",
                vars("r", List.of(Map.of("__typename", "Organization", "id", org)))));
        cases.add(of("createTask planId", BAD, CREATE_TASK, vars("plan", "not-a-plan", "input", task("title", "任务"))));
        cases.add(of("createTask leadOrgIds", BAD, CREATE_TASK, vars("plan", planId, "input", task("leadOrgIds", List.of("x")))));
        cases.add(of("createTask sectionId", BAD, CREATE_TASK, vars("plan", planId, "input", task("sectionId", "{" + planId + "}"))));
        cases.add(of("createPlan issuerId", BAD, CREATE_PLAN, vars("input", plan("issuerId", "nmg"))));
        cases.add(of("submit taskId", BAD, SUBMIT, vars("task", "x", "org", org, "period", "2025", "percent", 10, "summary", "进展")));
        cases.add(of("submit orgId", BAD, SUBMIT, vars("task", taskId, "org", "nmg.zjt", "period", "2025", "percent", 10, "summary", "进展")));
        cases.add(of("updateTask leadOrgIds", BAD, UPDATE, vars("id", taskId, "v", 0, "leads", List.of("x"))));
        cases.add(of("publishPlan id", BAD, "mutation { publishPlan(id: \"" + planId + "x\") { id } }", vars()));

        // numbers out of range or of the wrong type
        cases.add(of("percent negative", BAD, SUBMIT, vars("task", taskId, "org", org, "period", "2025", "percent", -1, "summary", "进展")));
        cases.add(of("percent over 100", BAD, SUBMIT, vars("task", taskId, "org", org, "period", "2025", "percent", 101, "summary", "进展")));
        cases.add(of("percent 1e308", BAD, SUBMIT, vars("task", taskId, "org", org, "period", "2025", "percent", 1e308, "summary", "进展")));
        cases.add(of("percent beyond Int", BAD, SUBMIT, vars("task", taskId, "org", org, "period", "2025", "percent", 3000000000L, "summary", "进展")));
        cases.add(of("plan periodStart negative", BAD, CREATE_PLAN, vars("input", plan("periodStart", -5))));
        cases.add(of("plans periodFrom after periodTo", BAD, "{ plans(periodFrom: 2030, periodTo: 2026) { totalCount } }", vars()));
        cases.add(of("plans periodFrom not a year", BAD, "{ plans(periodFrom: -1) { totalCount } }", vars()));
        cases.add(of("plans periodTo 5-digit year", BAD, "query($y: Int) { plans(periodTo: $y) { totalCount } }", vars("y", 20260)));
        cases.add(of("plans periodFrom beyond Int", BAD, "query($y: Int) { plans(periodFrom: $y) { totalCount } }", vars("y", 3000000000L)));
        cases.add(of("plans periodFrom a string", BAD, "query($y: Int) { plans(periodFrom: $y) { totalCount } }", vars("y", "2026")));
        cases.add(of("version not a number", BAD, UPDATE, vars("id", taskId, "v", "abc", "d", "2031-01-01")));
        cases.add(of("ongoing not a boolean", BAD, CREATE_TASK, vars("plan", planId, "input", task("ongoing", "yes"))));
        cases.add(of("unknown input field", BAD, CREATE_TASK, vars("plan", planId, "input", task("bogus", "x"))));
        cases.add(of("required variable missing", BAD, CREATE_TASK, vars("plan", planId)));

        // requests that are not GraphQL
        cases.add(of("literal of the wrong type", "GRAPHQL_VALIDATION_FAILED", "{ task(id: true) { id } }", vars()));
        cases.addAll(BadInput.malformedRequests());

        assertThat(cases).hasSizeGreaterThanOrEqualTo(55);
        assertThat(BadInput.failures(cases, ADMIN, BadInputTest::rows)).isEmpty();
    }

    @Test
    void aMalformedRequestFromAnAnonymousCallerIsStill401() {
        given().contentType(ContentType.JSON).body("{\"query\":\"{ __typename }\",\"variables\":[1]}")
                .when().post("/graphql").then().statusCode(401);
    }

    @Test
    void aGetWhoseVariablesAreNotAnObjectIsBadRequestAndASyntaxErrorIsParseFailed() {
        given().header("Authorization", "Bearer " + ADMIN).queryParam("query", "{ __typename }").queryParam("variables", "[1]")
                .when().get("/graphql").then().statusCode(400).body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
        given().header("Authorization", "Bearer " + ADMIN).queryParam("query", "{ __typename")
                .when().get("/graphql").then().statusCode(200).body("errors[0].extensions.code", equalTo("GRAPHQL_PARSE_FAILED"));
    }
}
