package gov.planning.plan;

import static gov.planning.plan.Api.createTask;
import static gov.planning.plan.Api.readTask;
import static gov.planning.plan.Api.task;
import static gov.planning.testing.GraphQLClient.firstErrorCode;
import static gov.planning.testing.GraphQLClient.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class TaskApiTest {

    private static final String ADMIN = TestTokens.admin();

    @Test
    void taskIsCreatedWithOrganizationsDeadlineAndMilestonesAndReadBackWithAnAuditEntry() {
        String plan = Api.createPlan(ADMIN, "nmg", "2024-01-01");
        Map<String, Object> input = task("推进城镇供水管网改造", List.of("nmg.zjt", "nmg.fgw"), List.of("nmg.gat"), "2030-12-31");
        input.put("number", "（一）");
        input.put("description", "城镇供水管网漏损率控制在9%以内。");
        input.put("deadlineText", "2030年底前");
        input.put("milestones", List.of(Map.of("dueDate", "2029-12-31", "description", "出台实施细则")));
        JsonPath created = createTask(ADMIN, plan, input);
        assertThat(created.getString("errors")).isNull();
        String id = created.getString("data.createTask.id");

        JsonPath read = readTask(TestTokens.viewer(), id);
        assertThat(read.getString("data.task.plan.id")).isEqualTo(plan);
        assertThat(read.getString("data.task.number")).isEqualTo("（一）");
        assertThat(read.getList("data.task.leadOrgs.id")).containsExactly(FakeOrgTree.ids("nmg.zjt"), FakeOrgTree.ids("nmg.fgw"));
        assertThat(read.getList("data.task.cooperatingOrgs.id")).containsExactly(FakeOrgTree.ids("nmg.gat"));
        assertThat(read.getString("data.task.deadline.date")).isEqualTo("2030-12-31");
        assertThat(read.getString("data.task.deadline.text")).isEqualTo("2030年底前");
        assertThat(read.getBoolean("data.task.deadline.ongoing")).isFalse();
        assertThat(read.getList("data.task.milestones.description")).containsExactly("出台实施细则");
        assertThat(read.getString("data.task.status")).isEqualTo("NOT_STARTED");
        assertThat(read.getString("data.task.health")).isEqualTo("GREEN");
        assertThat(read.getInt("data.task.version")).isZero();
        assertThat(Api.auditEntries(id)).isEqualTo(1);
    }

    @Test
    void outlineNestsSectionsAndTheirTasks() {
        String plan = Api.createPlan(ADMIN, "nmg", "2024-01-01");
        String chapter = post(ADMIN, "mutation($p: ID!) { createSection(planId: $p, input: { number: \"一、\", heading: \"重点任务\" }) { id level } }",
                Map.of("p", plan)).getString("data.createSection.id");
        JsonPath sub = post(ADMIN, "mutation($p: ID!, $parent: ID) { createSection(planId: $p, input: { parentId: $parent, number: \"（一）\", heading: \"供水\" }) { id level } }",
                Map.of("p", plan, "parent", chapter));
        assertThat(sub.getInt("data.createSection.level")).isEqualTo(2);
        Map<String, Object> input = task("改造管网", List.of("nmg.zjt"), List.of(), null);
        input.put("sectionId", sub.getString("data.createSection.id"));
        assertThat(createTask(ADMIN, plan, input).getString("errors")).isNull();

        JsonPath outline = post(TestTokens.viewer(), "query($id: ID!) { plan(id: $id) { outline { number heading level children { heading level tasks { title } } } } }",
                Map.of("id", plan));
        assertThat(outline.getString("data.plan.outline[0].heading")).isEqualTo("重点任务");
        assertThat(outline.getString("data.plan.outline[0].children[0].heading")).isEqualTo("供水");
        assertThat(outline.getString("data.plan.outline[0].children[0].tasks[0].title")).isEqualTo("改造管网");
    }

    @Test
    void planTasksArePagedAsAConnection() {
        String plan = Api.createPlan(ADMIN, "nmg", "2024-01-01");
        for (int i = 0; i < 3; i++) {
            Api.newTask(plan, List.of("nmg.zjt"), List.of(), null);
        }
        String query = "query($id: ID!, $after: String) { plan(id: $id) { tasks(first: 2, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } } }";
        Map<String, Object> vars = new HashMap<>(Map.of("id", plan));
        JsonPath first = post(TestTokens.viewer(), query, vars);
        assertThat(first.getInt("data.plan.tasks.totalCount")).isEqualTo(3);
        assertThat(first.getList("data.plan.tasks.edges")).hasSize(2);
        assertThat(first.getBoolean("data.plan.tasks.pageInfo.hasNextPage")).isTrue();
        vars.put("after", first.getString("data.plan.tasks.pageInfo.endCursor"));
        JsonPath second = post(TestTokens.viewer(), query, vars);
        assertThat(second.getList("data.plan.tasks.edges")).hasSize(1);
        assertThat(second.getBoolean("data.plan.tasks.pageInfo.hasNextPage")).isFalse();
    }

    @Test
    void badInputIsRefusedClearlyAndNothingIsWritten() {
        String plan = Api.createPlan(ADMIN, "nmg", "2024-01-01");
        long before = Db.count("SELECT count(*) FROM task WHERE plan_id = ?", UUID.fromString(plan));

        JsonPath emptyTitle = createTask(ADMIN, plan, task("  ", List.of("nmg.zjt"), List.of(), null));
        assertThat(firstErrorCode(emptyTitle)).isEqualTo("BAD_USER_INPUT");
        assertThat(emptyTitle.getString("errors[0].message")).contains("title");

        Map<String, Object> unknownOrg = task("未知单位", List.of("nmg.zjt"), List.of(), null);
        unknownOrg.put("cooperatingOrgIds", List.of(UUID.randomUUID().toString()));
        JsonPath unknown = createTask(ADMIN, plan, unknownOrg);
        assertThat(firstErrorCode(unknown)).isEqualTo("BAD_USER_INPUT");
        assertThat(unknown.getString("errors[0].message")).contains("unknown organization");

        JsonPath early = createTask(ADMIN, plan, task("早于印发", List.of("nmg.zjt"), List.of(), "2023-12-31"));
        assertThat(firstErrorCode(early)).isEqualTo("BAD_USER_INPUT");
        assertThat(early.getString("errors[0].message")).contains("deadline");

        JsonPath oversized = createTask(ADMIN, plan, task("长".repeat(1001), List.of("nmg.zjt"), List.of(), null));
        assertThat(firstErrorCode(oversized)).isEqualTo("BAD_USER_INPUT");

        JsonPath noLead = createTask(ADMIN, plan, task("无牵头", List.of(), List.of("nmg.gat"), null));
        assertThat(firstErrorCode(noLead)).isEqualTo("BAD_USER_INPUT");
        assertThat(noLead.getString("errors[0].message")).contains("leadOrgIds");

        assertThat(Db.count("SELECT count(*) FROM task WHERE plan_id = ?", UUID.fromString(plan))).isEqualTo(before);

        String taskId = Api.newTask(plan, List.of("nmg.zjt"), List.of("nmg.gat"), null);
        JsonPath percent = Api.submit(ADMIN, taskId, "nmg.zjt", "2025Q1", 101, "完成");
        assertThat(firstErrorCode(percent)).isEqualTo("BAD_USER_INPUT");
        assertThat(percent.getString("errors[0].message")).contains("percent");
        JsonPath notOnTask = Api.submit(ADMIN, taskId, "nmg.fgw", "2025Q1", 50, "完成");
        assertThat(firstErrorCode(notOnTask)).isEqualTo("BAD_USER_INPUT");
        assertThat(notOnTask.getString("errors[0].message")).contains("orgId");
        JsonPath lateDeadline = post(ADMIN, "mutation($id: ID!) { updateTask(id: $id, version: 0, deadline: \"2020-01-01\") { id } }", Map.of("id", taskId));
        assertThat(firstErrorCode(lateDeadline)).isEqualTo("BAD_USER_INPUT");
        JsonPath nothing = post(ADMIN, "mutation($id: ID!) { updateTask(id: $id, version: 0) { id } }", Map.of("id", taskId));
        assertThat(firstErrorCode(nothing)).isEqualTo("BAD_USER_INPUT");
        assertThat(Db.count("SELECT count(*) FROM progress_report WHERE task_id = ?", UUID.fromString(taskId))).isZero();
        assertThat(Api.auditEntries(taskId)).isEqualTo(1);
        assertThat(Api.version(taskId)).isZero();
    }

    @Test
    void staleVersionIsAConflictAndChangesNothing() {
        String plan = Api.createPlan(ADMIN, "nmg", "2024-01-01");
        String id = Api.newTask(plan, List.of("nmg.zjt"), List.of(), "2030-12-31");
        JsonPath first = Api.setStatus(ADMIN, id, 0, "IN_PROGRESS");
        assertThat(first.getString("errors")).isNull();
        assertThat(first.getInt("data.updateTask.version")).isEqualTo(1);
        JsonPath stale = Api.setStatus(ADMIN, id, 0, "SUSPENDED");
        assertThat(firstErrorCode(stale)).isEqualTo("CONFLICT");
        assertThat(readTask(ADMIN, id).getString("data.task.status")).isEqualTo("IN_PROGRESS");
        assertThat(Api.auditEntries(id)).isEqualTo(2);
    }

    @Test
    void twoConcurrentUpdatesWithTheSameVersionOneWinsTheOtherIsAConflict() throws Exception {
        String plan = Api.createPlan(ADMIN, "nmg", "2024-01-01");
        for (int round = 0; round < 3; round++) {
            String id = Api.newTask(plan, List.of("nmg.zjt"), List.of(), "2030-12-31");
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Callable<JsonPath>> updates = List.of(
                        () -> { start.await(); return Api.setStatus(ADMIN, id, 0, "IN_PROGRESS"); },
                        () -> { start.await(); return post(ADMIN, "mutation($id: ID!, $leads: [String!]) { updateTask(id: $id, version: 0, leadOrgIds: $leads) { version } }",
                                Map.of("id", id, "leads", List.of(FakeOrgTree.ids("nmg.fgw")))); });
                List<Future<JsonPath>> results = new ArrayList<>();
                for (Callable<JsonPath> update : updates) {
                    results.add(pool.submit(update));
                }
                start.countDown();
                List<String> codes = new ArrayList<>();
                for (Future<JsonPath> result : results) {
                    JsonPath answer = result.get();
                    codes.add(answer.getString("errors") == null ? "ok" : firstErrorCode(answer) + " " + answer.getString("errors[0].message"));
                }
                assertThat(codes).hasSize(2).contains("ok").anyMatch(c -> c.startsWith("CONFLICT "));
                assertThat(codes.stream().filter("ok"::equals)).hasSize(1);
            } finally {
                pool.shutdown();
            }
            JsonPath after = readTask(ADMIN, id);
            assertThat(after.getInt("data.task.version")).isEqualTo(1);
            assertThat(Api.auditEntries(id)).isEqualTo(2);
            boolean statusWon = after.getString("data.task.status").equals("IN_PROGRESS");
            boolean leadsWon = after.getList("data.task.leadOrgs.id").equals(List.of(FakeOrgTree.ids("nmg.fgw")));
            assertThat(statusWon ^ leadsWon).as("exactly one of the two updates is applied").isTrue();
        }
    }

    @Test
    void planIsPublishedOnce() {
        String plan = Api.createPlan(ADMIN, "nmg", "2024-01-01");
        JsonPath published = post(ADMIN, "mutation($id: ID!) { publishPlan(id: $id) { status } }", Map.of("id", plan));
        assertThat(published.getString("data.publishPlan.status")).isEqualTo("PUBLISHED");
        JsonPath again = post(ADMIN, "mutation($id: ID!) { publishPlan(id: $id) { status } }", Map.of("id", plan));
        assertThat(firstErrorCode(again)).isEqualTo("CONFLICT");
        assertThat(Api.auditEntries(plan)).isEqualTo(2);
    }

    @Test
    void reportsAreSubmittedReviewedAndShowOnTheTask() {
        String plan = Api.createPlan(ADMIN, "nmg", "2024-01-01");
        String id = Api.newTask(plan, List.of("nmg.zjt"), List.of("nmg.gat"), "2030-12-31");
        JsonPath submitted = Api.submit(TestTokens.reporter("nmg.gat"), id, "nmg.gat", Api.thisQuarter(), 40, "已完成摸底");
        assertThat(submitted.getString("errors")).isNull();
        assertThat(submitted.getString("data.submitProgressReport.status")).isEqualTo("SUBMITTED");
        assertThat(submitted.getString("data.submitProgressReport.reportedBy")).isEqualTo("reporter.nmg.gat");
        assertThat(submitted.getString("data.submitProgressReport.org.id")).isEqualTo(FakeOrgTree.ids("nmg.gat"));
        String reportId = submitted.getString("data.submitProgressReport.id");

        JsonPath duplicate = Api.submit(TestTokens.reporter("nmg.gat"), id, "nmg.gat", Api.thisQuarter(), 45, "再报");
        assertThat(firstErrorCode(duplicate)).isEqualTo("CONFLICT");

        JsonPath noComment = Api.review(TestTokens.reporter("nmg.zjt"), reportId, false, null);
        assertThat(firstErrorCode(noComment)).isEqualTo("BAD_USER_INPUT");
        JsonPath returned = Api.review(TestTokens.reporter("nmg.zjt"), reportId, false, "请补充数据");
        assertThat(returned.getString("data.reviewProgressReport.status")).isEqualTo("RETURNED");
        JsonPath twice = Api.review(TestTokens.reporter("nmg.zjt"), reportId, true, null);
        assertThat(firstErrorCode(twice)).isEqualTo("CONFLICT");

        String second = Api.submit(TestTokens.reporter("nmg.gat"), id, "nmg.gat", Api.thisQuarter(), 45, "补充后").getString("data.submitProgressReport.id");
        assertThat(Api.review(TestTokens.reporter("nmg.zjt"), second, true, "同意").getString("data.reviewProgressReport.status")).isEqualTo("APPROVED");
        JsonPath read = readTask(TestTokens.viewer(), id);
        assertThat(read.getInt("data.task.progressPercent")).isEqualTo(45);
        assertThat(read.getList("data.task.reports.status")).containsExactly("APPROVED", "RETURNED");
        assertThat(Api.auditEntries(reportId)).isEqualTo(2);
    }

    @Test
    void taskAndOrganizationAreFederationEntitiesWithContributedTasks() {
        String plan = Api.createPlan(ADMIN, "nmg", "2024-01-01");
        String id = Api.newTask(plan, List.of("nmg.jyt"), List.of("nmg.gat"), null);
        JsonPath entities = post(TestTokens.viewer(), """
                query($r: [_Any!]!) { _entities(representations: $r) {
                  ... on Task { title leadOrgs { id } }
                  ... on Organization { id tasks(role: LEAD) { totalCount edges { node { id } } } }
                } }""", Map.of("r", List.of(Map.of("__typename", "Task", "id", id),
                Map.of("__typename", "Organization", "id", FakeOrgTree.ids("nmg.jyt")),
                Map.of("__typename", "Organization", "id", FakeOrgTree.ids("nmg.gat")))));
        assertThat(entities.getString("errors")).isNull();
        assertThat(entities.getList("data._entities[0].leadOrgs.id")).containsExactly(FakeOrgTree.ids("nmg.jyt"));
        assertThat(entities.getList("data._entities[1].tasks.edges.node.id")).contains(id);
        assertThat(entities.getList("data._entities[2].tasks.edges.node.id")).doesNotContain(id);
        String sdl = post(TestTokens.viewer(), "{ _service { sdl } }").getString("data._service.sdl");
        assertThat(sdl).containsPattern("type Task @key\\(fields ?: ?\"id\"\\)")
                .containsPattern("cooperatingOrgIds: \\[ID!\\][^!]").containsPattern("leadOrgIds: \\[ID!\\]!")
                .containsPattern("leadOrgIds: \\[String!\\][^!]");
    }
}
