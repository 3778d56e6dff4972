package gov.planning.plan;

import static gov.planning.testing.GraphQLClient.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
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

/** The task and plan lists of the screens: paging, sorting, filtering and search, all in SQL. */
@QuarkusTest
class TaskListApiTest {

    private static final String ADMIN = TestTokens.admin();
    private static final String VIEWER = TestTokens.viewer();

    @Inject
    TestClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.useSystemTime();
    }

    private static JsonPath tasks(String args) {
        JsonPath answer = post(VIEWER, "{ tasks(" + args + ") { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id title health } } } }");
        assertThat(answer.getString("errors")).as(args).isNull();
        return answer;
    }

    private static String titled(String plan, String title, String deadline) {
        JsonPath created = Api.createTask(ADMIN, plan, Api.task(title, List.of("nmg.zjt"), List.of(), deadline));
        assertThat(created.getString("errors")).isNull();
        return created.getString("data.createTask.id");
    }

    @Test
    void pagingPastTheFirstPageVisitsEveryTaskOnceInAStableOrderUnderTies() {
        String plan = Api.createPlan(ADMIN, "nmg", "2025-01-01");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(titled(plan, "同一天到期 " + i, "2030-06-30"));
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 3; page++) {
            JsonPath answer = tasks("planId: \"" + plan + "\", sortBy: DEADLINE, first: 3" + (after == null ? "" : ", after: \"" + after + "\""));
            assertThat(answer.getInt("data.tasks.totalCount")).isEqualTo(7);
            seen.addAll(answer.getList("data.tasks.edges.node.id"));
            assertThat(answer.getBoolean("data.tasks.pageInfo.hasNextPage")).isEqualTo(page < 2);
            after = answer.getString("data.tasks.pageInfo.endCursor");
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(created).doesNotHaveDuplicates();
        assertThat(tasks("planId: \"" + plan + "\", sortBy: DEADLINE, first: 7").getList("data.tasks.edges.node.id"))
                .as("the same order when asked again").containsExactlyElementsOf(seen);
    }

    @Test
    void aPageAskedWithoutItsTotalStillTellsWhetherAnotherPageFollows() {
        String plan = Api.createPlan(ADMIN, "nmg", "2025-01-01");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            created.add(titled(plan, "不问总数 " + i, "2030-0" + (i + 1) + "-28"));
        }
        String query = "{ tasks(planId: \"" + plan + "\", sortBy: DEADLINE, first: %d%s) { pageInfo { hasNextPage endCursor } edges { node { id } } } }";
        JsonPath first = post(VIEWER, query.formatted(3, ""));
        assertThat(first.getString("errors")).isNull();
        assertThat(first.getList("data.tasks.edges.node.id")).containsExactlyElementsOf(created.subList(0, 3));
        assertThat(first.getBoolean("data.tasks.pageInfo.hasNextPage")).isTrue();
        JsonPath last = post(VIEWER, query.formatted(3, ", after: \"" + first.getString("data.tasks.pageInfo.endCursor") + "\""));
        assertThat(last.getList("data.tasks.edges.node.id")).containsExactly(created.get(3));
        assertThat(last.getBoolean("data.tasks.pageInfo.hasNextPage")).isFalse();
        assertThat(post(VIEWER, query.formatted(4, "")).getBoolean("data.tasks.pageInfo.hasNextPage"))
                .as("a page that ends exactly at the list's end").isFalse();
    }

    @Test
    void theNextPageInDocumentOrderStartsAfterTheCursorsTaskEvenWhenTasksBeforeItLeaveTheList() {
        String plan = Api.createPlan(ADMIN, "nmg", "2025-01-01");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            created.add(titled(plan, "文档顺序 " + i, "2030-06-30"));
        }
        String scope = "planId: \"" + plan + "\", status: [NOT_STARTED], first: 3";
        JsonPath first = tasks(scope);
        assertThat(first.getList("data.tasks.edges.node.id")).containsExactlyElementsOf(created.subList(0, 3));
        String after = first.getString("data.tasks.pageInfo.endCursor");
        // Someone starts the first task while the reader looks at page one: it leaves the NOT_STARTED list.
        assertThat(Api.setStatus(ADMIN, created.get(0), Api.version(created.get(0)), "IN_PROGRESS").getString("errors")).isNull();

        JsonPath second = tasks(scope + ", after: \"" + after + "\"");
        assertThat(second.getList("data.tasks.edges.node.id")).as("no task skipped because one before the cursor left")
                .containsExactlyElementsOf(created.subList(3, 6));
        assertThat(second.getInt("data.tasks.totalCount")).isEqualTo(5);
        assertThat(tasks("planId: \"" + plan + "\", order: DESC, first: 2, after: \"" + after + "\"").getList("data.tasks.edges.node.id"))
                .as("descending, after the same task").containsExactly(created.get(1), created.get(0));
        assertThat(tasks(scope + ", after: \"" + gov.planning.common.api.Cursor.encode(1) + "\"").getList("data.tasks.edges.node.id"))
                .as("an offset cursor a client kept from before still pages by offset").containsExactlyElementsOf(created.subList(3, 6));
    }

    @Test
    void theInboxsNextPageByHealthStartsAfterTheCursorsTaskEvenWhenATaskBeforeItChangesColour() {
        String marker = "收件箱键集" + System.nanoTime();
        String plan = Api.createPlan(ADMIN, "nmg", "2025-01-01");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            created.add(titled(plan, marker + " " + i, "2030-06-30"));
        }
        // All green (entered today, far from their deadline): by health, then by id (PostgreSQL compares uuids byte by
        // byte, as their lower-case text sorts; java.util.UUID compares signed halves).
        List<String> byId = created.stream().sorted().toList();
        String reporter = TestTokens.reporter("nmg.zjt");
        String inbox = "query($s: String, $a: String) { myTasks(search: $s, first: 3, after: $a) { totalCount "
                + "pageInfo { hasNextPage endCursor } edges { cursor node { id health } } } }";
        JsonPath first = post(reporter, inbox, vars("s", marker, "a", null));
        assertThat(first.getString("errors")).isNull();
        assertThat(first.getList("data.myTasks.edges.node.id")).containsExactlyElementsOf(byId.subList(0, 3));
        String after = first.getString("data.myTasks.pageInfo.endCursor");
        // The first task is completed while the reporter reads page one: it moves to the end of the list (DONE).
        assertThat(Api.setStatus(ADMIN, byId.get(0), Api.version(byId.get(0)), "COMPLETED").getString("errors")).isNull();

        JsonPath second = post(reporter, inbox, vars("s", marker, "a", after));
        assertThat(second.getList("data.myTasks.edges.node.id")).as("right after the cursor's task, none skipped")
                .containsExactly(byId.get(3), byId.get(4), byId.get(5));
        assertThat(second.getBoolean("data.myTasks.pageInfo.hasNextPage")).isTrue();
        JsonPath third = post(reporter, inbox, vars("s", marker, "a", second.getString("data.myTasks.pageInfo.endCursor")));
        assertThat(third.getList("data.myTasks.edges.node.id")).containsExactly(byId.get(0));
        assertThat(post(reporter, inbox, vars("s", marker, "a", gov.planning.common.api.Cursor.encode(2)))
                .getList("data.myTasks.edges.node.id")).as("an offset cursor a client kept from before still pages by offset")
                .containsExactly(byId.get(4), byId.get(5), byId.get(0));
    }

    @Test
    void aPlansNextPageStartsAfterTheCursorsTaskEvenWhenTasksBeforeItLeaveTheList() {
        String plan = Api.createPlan(ADMIN, "nmg", "2025-01-01");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            created.add(titled(plan, "方案内键集 " + i, "2030-06-30"));
        }
        String query = "query($p: ID!, $a: String) { plan(id: $p) { tasks(status: [NOT_STARTED], first: 3, after: $a) { totalCount "
                + "pageInfo { hasNextPage endCursor } edges { node { id } } } } }";
        JsonPath first = post(VIEWER, query, vars("p", plan, "a", null));
        assertThat(first.getString("errors")).isNull();
        assertThat(first.getList("data.plan.tasks.edges.node.id")).containsExactlyElementsOf(created.subList(0, 3));
        String after = first.getString("data.plan.tasks.pageInfo.endCursor");
        assertThat(Api.setStatus(ADMIN, created.get(0), Api.version(created.get(0)), "IN_PROGRESS").getString("errors")).isNull();

        JsonPath second = post(VIEWER, query, vars("p", plan, "a", after));
        assertThat(second.getString("errors")).isNull();
        assertThat(second.getList("data.plan.tasks.edges.node.id")).as("no task skipped because one before the cursor left")
                .containsExactlyElementsOf(created.subList(3, 6));
        assertThat(second.getInt("data.plan.tasks.totalCount")).isEqualTo(5);
        assertThat(second.getBoolean("data.plan.tasks.pageInfo.hasNextPage")).isFalse();
        assertThat(post(VIEWER, query, vars("p", plan, "a", gov.planning.common.api.Cursor.encode(1))).getList("data.plan.tasks.edges.node.id"))
                .as("an offset cursor a client kept from before still pages by offset").containsExactlyElementsOf(created.subList(3, 6));
    }

    @Test
    void searchFindsChineseSubstringsAndTakesWildcardsLiterally() {
        String plan = Api.createPlan(ADMIN, "nmg", null);
        String renewal = titled(plan, "全面推进城市更新行动", null);
        String housing = titled(plan, "开展住建领域安全隐患排查", null);
        String percent = titled(plan, "污水处理率100%_达标", null);
        String scope = "planId: \"" + plan + "\", ";
        assertThat(tasks(scope + "search: \"城市更新\"").getList("data.tasks.edges.node.id")).containsExactly(renewal);
        assertThat(tasks(scope + "search: \"住建\"").getList("data.tasks.edges.node.id")).containsExactly(housing);
        assertThat(tasks(scope + "search: \"%_\"").getList("data.tasks.edges.node.id")).containsExactly(percent);
        assertThat(tasks(scope + "search: \"更\"").getList("data.tasks.edges.node.id")).as("one character").containsExactly(renewal);
        assertThat(tasks(scope + "search: \"城市 更新\"").getInt("data.tasks.totalCount")).isZero();
    }

    @Test
    void filtersByOrganizationBelowACodeStatusAndDeadlineWindow() {
        String plan = Api.createPlan(ADMIN, "nmg", null);
        String city = Api.newTask(plan, List.of("nmg.hhht"), List.of(), "2026-03-31");
        String cityBureau = Api.newTask(plan, List.of("nmg.hhht.zjj"), List.of(), "2026-09-30");
        String province = Api.newTask(plan, List.of("nmg.zjt"), List.of("nmg.hhht.zjj"), "2027-12-31");
        assertThat(Api.setStatus(ADMIN, cityBureau, 0, "IN_PROGRESS").getString("errors")).isNull();
        String scope = "planId: \"" + plan + "\", ";

        assertThat(tasks(scope + "orgCode: \"nmg.hhht\"").getList("data.tasks.edges.node.id")).containsExactly(city);
        assertThat(tasks(scope + "orgCode: \"nmg.hhht\", includeSubOrgs: true").getList("data.tasks.edges.node.id"))
                .containsExactlyInAnyOrder(city, cityBureau, province);
        assertThat(tasks(scope + "orgCode: \"nmg.hhht\", includeSubOrgs: true, role: LEAD").getList("data.tasks.edges.node.id"))
                .containsExactlyInAnyOrder(city, cityBureau);
        assertThat(tasks(scope + "status: [IN_PROGRESS]").getList("data.tasks.edges.node.id")).containsExactly(cityBureau);
        assertThat(tasks(scope + "dueAfter: \"2026-03-31\", dueBefore: \"2027-12-31\"").getList("data.tasks.edges.node.id"))
                .containsExactly(cityBureau);
        assertThat(tasks(scope + "orgCode: \"no.such.org\"").getInt("data.tasks.totalCount")).isZero();
    }

    /** A plan covering every rule of HealthRule, one lead per task; today is 2025-11-15 afterwards. */
    private record HealthFixture(String plan, List<String> ids, String behind, String ahead, Map<String, List<String>> byRule) {
    }

    private HealthFixture healthFixture() {
        clock.setToday(LocalDate.of(2025, 8, 15));
        String plan = Api.createPlan(ADMIN, "nmg", "2025-01-01");
        List<String> ids = new ArrayList<>();
        ids.add(Api.newTask(plan, List.of("nmg.zjt"), List.of(), "2025-08-01"));
        ids.add(Api.newTask(plan, List.of("nmg.zjt"), List.of(), "2025-09-01"));
        ids.add(Api.newTask(plan, List.of("nmg.zjt"), List.of(), "2026-12-31"));
        String completed = Api.newTask(plan, List.of("nmg.gat"), List.of(), "2025-03-01");
        ids.add(completed);
        Map<String, Object> withMilestone = Api.task("有里程碑", List.of("nmg.zjt"), List.of(), "2026-12-31");
        withMilestone.put("milestones", List.of(Map.of("dueDate", "2025-06-30", "description", "出台办法")));
        ids.add(Api.createTask(ADMIN, plan, withMilestone).getString("data.createTask.id"));
        String behind = Api.newTask(plan, List.of("nmg.gat"), List.of(), "2026-12-31");
        ids.add(behind);
        String ahead = Api.newTask(plan, List.of("nmg.gat"), List.of(), "2026-12-31");
        ids.add(ahead);
        Map<String, Object> ongoing = new HashMap<>(Api.task("长期坚持", List.of("nmg.gat"), List.of(), null));
        ongoing.put("ongoing", true);
        ids.add(Api.createTask(ADMIN, plan, ongoing).getString("data.createTask.id"));
        assertThat(Api.setStatus(ADMIN, completed, 0, "COMPLETED").getString("errors")).isNull();
        assertThat(Api.submit(ADMIN, behind, "nmg.gat", "2025Q3", 0, "尚未启动").getString("errors")).isNull();
        assertThat(Api.submit(ADMIN, ahead, "nmg.gat", "2025Q3", 60, "进展顺利").getString("errors")).isNull();
        clock.setToday(LocalDate.of(2025, 11, 15));

        Map<String, List<String>> byRule = new HashMap<>();
        for (String id : ids) {
            byRule.computeIfAbsent(Api.readTask(VIEWER, id).getString("data.task.health"), h -> new ArrayList<>()).add(id);
        }
        assertThat(byRule.keySet()).as("the fixture covers every health").contains("RED", "YELLOW", "GREEN", "DONE");
        return new HealthFixture(plan, ids, behind, ahead, byRule);
    }

    @Test
    void healthFiltersAndSortsInSqlAgreeWithTheHealthRuleOfEveryTask() {
        HealthFixture fixture = healthFixture();
        String plan = fixture.plan();
        String behind = fixture.behind();
        String ahead = fixture.ahead();
        Map<String, List<String>> byRule = fixture.byRule();
        for (String health : List.of("RED", "YELLOW", "GREEN", "DONE")) {
            assertThat(tasks("planId: \"" + plan + "\", health: " + health).getList("data.tasks.edges.node.id"))
                    .as(health).containsExactlyInAnyOrderElementsOf(byRule.getOrDefault(health, List.of()));
        }
        List<String> urgentFirst = tasks("planId: \"" + plan + "\", sortBy: HEALTH").getList("data.tasks.edges.node.health");
        assertThat(urgentFirst).isSortedAccordingTo(java.util.Comparator.comparingInt(List.of("RED", "YELLOW", "GREEN", "DONE")::indexOf));
        List<String> byProgress = tasks("planId: \"" + plan + "\", sortBy: PROGRESS, order: DESC").getList("data.tasks.edges.node.id");
        assertThat(byProgress.subList(0, 2)).containsExactly(ahead, behind);
    }

    @Test
    void eachHealthsListTotalIsItsDashboardCountAndItsTasksAreThatColour() {
        HealthFixture fixture = healthFixture();
        List<String> ids = new ArrayList<>(fixture.ids());
        // Entered today, so no report is owed yet: yellow only by a deadline within 30 days; green far off or ongoing.
        ids.add(Api.newTask(fixture.plan(), List.of("nmg.gat"), List.of(), "2025-12-10"));
        ids.add(Api.newTask(fixture.plan(), List.of("nmg.gat"), List.of(), "2027-06-30"));
        Map<String, Object> ongoing = new HashMap<>(Api.task("长期坚持新录入", List.of("nmg.gat"), List.of(), null));
        ongoing.put("ongoing", true);
        ids.add(Api.createTask(ADMIN, fixture.plan(), ongoing).getString("data.createTask.id"));
        Map<String, List<String>> byRule = new HashMap<>();
        for (String id : ids) {
            byRule.computeIfAbsent(Api.readTask(VIEWER, id).getString("data.task.health"), h -> new ArrayList<>()).add(id);
        }
        JsonPath dashboard = post(VIEWER, "query($p: ID!) { healthCounts(planId: $p) { red yellow green done } }", Map.of("p", fixture.plan()));
        assertThat(dashboard.getString("errors")).isNull();
        for (String health : List.of("RED", "YELLOW", "GREEN", "DONE")) {
            // One lead per task in the fixture, so the dashboard's rows add up to the plan's tasks of each colour.
            int counted = dashboard.<Integer>getList("data.healthCounts." + health.toLowerCase()).stream().mapToInt(Integer::intValue).sum();
            JsonPath list = tasks("planId: \"" + fixture.plan() + "\", health: " + health + ", first: 2");
            assertThat(list.getInt("data.tasks.totalCount")).as(health).isEqualTo(counted)
                    .isEqualTo(byRule.getOrDefault(health, List.of()).size());
            assertThat(list.getList("data.tasks.edges.node.health")).as(health).containsOnly(health);
        }
        // With a deadline filter the red total is counted live rather than from today's snapshot: the tasks red by their
        // deadline and, apart, those red by an open milestone only.
        assertThat(tasks("planId: \"" + fixture.plan() + "\", health: RED, dueBefore: \"2099-12-31\", first: 1").getInt("data.tasks.totalCount"))
                .as("red, counted live").isEqualTo(byRule.get("RED").size()).isEqualTo(3);
        assertThat(byRule.get("YELLOW")).as("yellow by its deadline, by a missing report, by being behind").hasSizeGreaterThanOrEqualTo(3);
        assertThat(byRule.get("GREEN")).as("green dated and green ongoing").hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void plansAreFilteredSearchedSortedAndCounted() {
        String marker = "检索" + System.nanoTime();
        List<String> ids = new ArrayList<>();
        for (String title : List.of("乙" + marker + "城镇化规划", "甲" + marker + "城市更新方案", "丙" + marker + "城市更新方案")) {
            JsonPath created = post(ADMIN, "mutation($input: PlanInput!) { createPlan(input: $input) { id } }",
                    Map.of("input", Map.of("title", title, "kind", "IMPLEMENTATION_PLAN", "issuerId", FakeOrgTree.ids("nmg"))));
            assertThat(created.getString("errors")).isNull();
            ids.add(created.getString("data.createPlan.id"));
        }
        JsonPath found = post(VIEWER, "query($s: String) { plans(search: $s, sortBy: TITLE, order: ASC, first: 1) { totalCount pageInfo { hasNextPage endCursor } edges { node { id title } } } }",
                Map.of("s", marker + "城市更新"));
        assertThat(found.getString("errors")).isNull();
        assertThat(found.getInt("data.plans.totalCount")).isEqualTo(2);
        assertThat(found.getBoolean("data.plans.pageInfo.hasNextPage")).isTrue();
        String first = found.getString("data.plans.edges[0].node.id");
        JsonPath next = post(VIEWER, "query($s: String, $after: String) { plans(search: $s, sortBy: TITLE, first: 1, after: $after) { pageInfo { hasNextPage } edges { node { id } } } }",
                Map.of("s", marker + "城市更新", "after", found.getString("data.plans.pageInfo.endCursor")));
        assertThat(List.of(first, next.getString("data.plans.edges[0].node.id"))).containsExactlyInAnyOrder(ids.get(1), ids.get(2));
        assertThat(next.getBoolean("data.plans.pageInfo.hasNextPage")).isFalse();
        assertThat(post(VIEWER, "query($s: String) { plans(search: $s, kind: PLAN) { totalCount } }", Map.of("s", marker)).getInt("data.plans.totalCount"))
                .as("kind filter").isZero();
    }

    @Test
    void thePeriodFilterListsThePlansWhosePeriodOverlapsTheYearsAndNeverAPlanWithoutAPeriod() {
        String marker = "规划期" + System.nanoTime();
        Map<String, String> byName = new HashMap<>();
        Object[][] periods = { { "十三五", 2016, 2020 }, { "十四五", 2021, 2025 }, { "十五五", 2026, 2030 }, { "远景", 2025, 2035 },
                { "自2024年起", 2024, null }, { "到2022年", null, 2022 }, { "无规划期", null, null } };
        for (Object[] period : periods) {
            Map<String, Object> input = new HashMap<>(Map.of("title", marker + period[0], "kind", "PLAN", "issuerId", FakeOrgTree.ids("nmg")));
            input.put("periodStart", period[1]);
            input.put("periodEnd", period[2]);
            JsonPath created = post(ADMIN, "mutation($input: PlanInput!) { createPlan(input: $input) { id } }", Map.of("input", input));
            assertThat(created.getString("errors")).isNull();
            byName.put(created.getString("data.createPlan.id"), (String) period[0]);
        }
        java.util.function.Function<String, List<String>> plans = args -> {
            JsonPath answer = post(VIEWER, "query($s: String) { plans(search: $s, " + args + ", sortBy: TITLE, first: 2) { totalCount "
                    + "pageInfo { hasNextPage endCursor } edges { node { id } } } }", Map.of("s", marker));
            assertThat(answer.getString("errors")).as(args).isNull();
            List<String> names = new ArrayList<>();
            String after = null;
            do {
                JsonPath page = post(VIEWER, "query($s: String, $after: String) { plans(search: $s, " + args + ", sortBy: TITLE, first: 2, "
                        + "after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }", vars("s", marker, "after", after));
                page.<String>getList("data.plans.edges.node.id").forEach(id -> names.add(byName.get(id)));
                after = page.getBoolean("data.plans.pageInfo.hasNextPage") ? page.getString("data.plans.pageInfo.endCursor") : null;
            } while (after != null);
            assertThat(answer.getInt("data.plans.totalCount")).as(args + ": totalCount").isEqualTo(names.size());
            return names;
        };
        assertThat(plans.apply("periodFrom: 2026, periodTo: 2026")).as("in force in 2026")
                .containsExactlyInAnyOrder("十五五", "远景", "自2024年起");
        assertThat(plans.apply("periodFrom: 2020, periodTo: 2021")).as("overlapping 2020–2021")
                .containsExactlyInAnyOrder("十三五", "十四五", "到2022年");
        assertThat(plans.apply("periodFrom: 2031")).as("in force from 2031 on").containsExactlyInAnyOrder("远景", "自2024年起");
        assertThat(plans.apply("periodTo: 2019")).as("in force up to 2019").containsExactlyInAnyOrder("十三五", "到2022年");
        assertThat(plans.apply("periodFrom: 2040, periodTo: 2050")).as("after every bounded period").containsExactly("自2024年起");
        assertThat(plans.apply("periodFrom: null")).as("no period filter").hasSize(periods.length).contains("无规划期");
    }

    private static Map<String, Object> vars(Object... keysAndValues) {
        return gov.planning.testing.BadInput.vars(keysAndValues);
    }

    @Test
    void aPageOfTasksAndThePlansDashboardAreTheSameNumberOfSqlStatementsHoweverManyTasksThePlanHas() {
        String small = Api.createPlan(ADMIN, "nmg", "2025-01-01");
        String large = Api.createPlan(ADMIN, "nmg", "2025-01-01");
        Api.newTask(small, List.of("nmg.zjt"), List.of("nmg.gat"), "2030-12-31");
        for (int i = 0; i < 30; i++) {
            Map<String, Object> input = Api.task("大方案任务 " + i, List.of("nmg.zjt", "nmg.fgw"), List.of("nmg.gat"), "2030-12-31");
            input.put("milestones", List.of(Map.of("dueDate", "2026-06-30", "description", "阶段成果")));
            String task = Api.createTask(ADMIN, large, input).getString("data.createTask.id");
            Api.submit(ADMIN, task, "nmg.gat", Api.thisQuarter(), i, "推进中");
        }
        String query = "query($p: ID!) { plan(id: $p) { tasks(first: 20, sortBy: HEALTH) { totalCount edges { node { id health "
                + "healthReason { kind } progressPercent leadOrgs { id } milestones { dueDate } reports { id } } } } } "
                + "healthCounts(planId: $p) { org { id } red yellow green done } }";
        long[] statements = new long[2];
        String[] plans = { small, large };
        for (int i = 0; i < 2; i++) {
            String plan = plans[i];
            assertThat(post(VIEWER, query, Map.of("p", plan)).getString("errors")).isNull();
            statements[i] = gov.planning.testing.SqlStatements.fewestOfThree(() -> post(VIEWER, query, Map.of("p", plan)));
        }
        assertThat(statements[1]).as("30 tasks (a page of 20, and the dashboard) as for 1").isEqualTo(statements[0]);
        assertThat(statements[0]).isPositive();
    }
}
