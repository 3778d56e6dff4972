package gov.planning.plan;

import static gov.planning.testing.GraphQLClient.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import gov.planning.plan.service.HealthSnapshots;
import gov.planning.testing.TestClock;
import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The dashboard and the health lists' counts answer from today's health snapshot plus the tasks written since
 * (docs/decisions/0010), and that answer is at every moment the one the live derivation over all tasks gives: after a
 * write, on a new day before and after its snapshot, for replaced leads and reassigned tasks, and when a write commits
 * while a snapshot is being built. The all-plans dashboard's pages walk the snapshot's rows per organization corrected by
 * the tasks written since (docs/decisions/0020), and the same holds for them.
 */
@QuarkusTest
class HealthSnapshotTest {

    private static final String ADMIN = TestTokens.admin();
    private static final String VIEWER = TestTokens.viewer();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<String> HEALTHS = List.of("RED", "YELLOW", "GREEN", "DONE");

    @Inject
    TestClock clock;

    @Inject
    HealthSnapshots snapshots;

    @AfterEach
    void realTimeAgain() {
        clock.useSystemTime();
    }

    private boolean build() {
        return snapshots.buildIfDue().await().atMost(WAIT);
    }

    private static String snapshotDay() {
        long days = Db.count("SELECT COALESCE(CAST(day AS date) - DATE '2000-01-01', -1) FROM health_snapshot_state");
        return days < 0 ? null : LocalDate.of(2000, 1, 1).plusDays(days).toString();
    }

    /** Per organization id, per health, the dashboard's count (of one plan, or of all plans when plan is null). */
    private static Map<String, Map<String, Integer>> dashboard(String plan) {
        JsonPath answer = plan == null ? post(VIEWER, "{ healthCounts { org { id } red yellow green done } }")
                : post(VIEWER, "query($p: ID!) { healthCounts(planId: $p) { org { id } red yellow green done } }", Map.of("p", plan));
        assertThat(answer.getString("errors")).isNull();
        Map<String, Map<String, Integer>> rows = new TreeMap<>();
        List<Map<String, Object>> found = answer.getList("data.healthCounts");
        for (Map<String, Object> row : found) {
            Map<String, Integer> counts = new TreeMap<>();
            for (String health : HEALTHS) {
                counts.put(health, (Integer) row.get(health.toLowerCase()));
            }
            @SuppressWarnings("unchecked")
            String org = (String) ((Map<String, Object>) row.get("org")).get("id");
            rows.put(org, counts);
        }
        return rows;
    }

    /**
     * The all-plans dashboard's pages of five walked by their cursors (healthCountPage, docs/decisions/0015): per page its
     * rows, the number of organizations and the sums.
     */
    private static List<Object> dashboardPages() {
        List<Object> pages = new java.util.ArrayList<>();
        String after = null;
        do {
            JsonPath page = post(VIEWER, "query($a: String) { healthCountPage(first: 5, after: $a) { totalCount"
                    + " sum { red yellow green done } pageInfo { hasNextPage endCursor } edges { node { org { id } red yellow green done } } } }",
                    java.util.Collections.singletonMap("a", after));
            assertThat(page.getString("errors")).isNull();
            pages.add(page.getMap("data.healthCountPage"));
            after = page.getBoolean("data.healthCountPage.pageInfo.hasNextPage") ? page.getString("data.healthCountPage.pageInfo.endCursor") : null;
            assertThat(pages).as("pages walked").hasSizeLessThan(1_000);
        } while (after != null);
        return pages;
    }

    private static int count(String org, String health, Map<String, Map<String, Integer>> dashboard) {
        return dashboard.getOrDefault(FakeOrgTree.ids(org), Map.of()).getOrDefault(health, 0);
    }

    /** Per health, and without one (ALL), the totalCount of {@code tasks(health:)} (of one plan, or of every plan). */
    private static Map<String, Integer> listTotals(String plan) {
        Map<String, Integer> totals = new TreeMap<>();
        String scope = plan == null ? "" : "planId: \"" + plan + "\", ";
        for (String health : HEALTHS) {
            totals.put(health, listTotal(scope + "health: " + health + ", "));
        }
        totals.put("ALL", listTotal(scope));
        return totals;
    }

    /** The totalCount of {@code tasks} with {@code arguments} (empty, or each followed by ", "). */
    private static int listTotal(String arguments) {
        JsonPath answer = post(VIEWER, "{ tasks(" + arguments + "first: 0) { totalCount } }");
        assertThat(answer.getString("errors")).isNull();
        return answer.getInt("data.tasks.totalCount");
    }

    /**
     * What the screens show now from the snapshot and the changes equals what they show derived live (the snapshot
     * forgotten), for all plans and for {@code plan}; the snapshot is built again afterwards.
     */
    private void assertSnapshotAnswersAsLiveDerivation(String plan) {
        assertThat(snapshotDay()).as("answered from today's snapshot").isEqualTo(java.time.LocalDate.now(clock).toString());
        Map<String, Map<String, Integer>> all = dashboard(null);
        Map<String, Map<String, Integer>> one = dashboard(plan);
        Map<String, Integer> totals = listTotals(null);
        Map<String, Integer> planTotals = listTotals(plan);
        List<Object> pages = dashboardPages();
        Db.update("UPDATE health_snapshot_state SET day = NULL");
        assertThat(dashboardPages()).as("dashboard pages, live").isEqualTo(pages);
        assertThat(dashboard(null)).as("all plans, live").isEqualTo(all);
        assertThat(dashboard(plan)).as("one plan, live").isEqualTo(one);
        assertThat(listTotals(null)).as("list totals, live").isEqualTo(totals);
        assertThat(listTotals(plan)).as("one plan's list totals, live").isEqualTo(planTotals);
        assertThat(build()).isTrue();
    }

    /** A plan issued on 2025-01-01 with a task entered on 2025-08-15 led by nmg.zjt; today is 2025-11-15 afterwards. */
    private String[] planWithUnreportedTask() {
        clock.setToday(LocalDate.of(2025, 8, 15));
        String plan = Api.createPlan(ADMIN, "nmg", "2025-01-01");
        String task = Api.newTask(plan, List.of("nmg.zjt"), List.of(), "2026-12-31");
        clock.setToday(LocalDate.of(2025, 11, 15));
        return new String[] { plan, task };
    }

    /** A plan with one task led by {@code lead}, due on {@code deadline}; today 2025-11-15 and its snapshot built. */
    private String snapshotOfPlanWithTask(String lead, String deadline) {
        clock.setToday(LocalDate.of(2025, 11, 15));
        String plan = Api.createPlan(ADMIN, "nmg", "2025-01-01");
        Api.newTask(plan, List.of(lead), List.of(), deadline);
        build();
        return plan;
    }

    @Test
    void aReportSubmittedAfterTodaysSnapshotChangesTheDashboardAndTheListsAtOnce() {
        String[] fixture = planWithUnreportedTask();
        String plan = fixture[0];
        build();
        assertThat(snapshotDay()).isEqualTo("2025-11-15");
        Map<String, Map<String, Integer>> before = dashboard(null);
        Map<String, Integer> totalsBefore = listTotals(null);
        assertThat(count("nmg.zjt", "YELLOW", dashboard(plan))).as("no report in the last quarter").isEqualTo(1);

        assertThat(Api.submit(ADMIN, fixture[1], "nmg.zjt", "2025Q4", 60, "进展顺利").getString("errors")).isNull();

        assertThat(dashboard(plan).get(FakeOrgTree.ids("nmg.zjt"))).as("reported, on time")
                .isEqualTo(Map.of("RED", 0, "YELLOW", 0, "GREEN", 1, "DONE", 0));
        Map<String, Map<String, Integer>> after = dashboard(null);
        assertThat(count("nmg.zjt", "YELLOW", after)).isEqualTo(count("nmg.zjt", "YELLOW", before) - 1);
        assertThat(count("nmg.zjt", "GREEN", after)).isEqualTo(count("nmg.zjt", "GREEN", before) + 1);
        Map<String, Integer> totalsAfter = listTotals(null);
        assertThat(totalsAfter.get("YELLOW")).isEqualTo(totalsBefore.get("YELLOW") - 1);
        assertThat(totalsAfter.get("GREEN")).isEqualTo(totalsBefore.get("GREEN") + 1);
        assertThat(snapshotDay()).as("no rebuild in between").isEqualTo("2025-11-15");
        assertSnapshotAnswersAsLiveDerivation(plan);
    }

    /** The reporter's whole inbox in its default order (by health, then id), page after page: id, health and flags. */
    private static List<String> inbox(String reporter) {
        return inboxPages(reporter, "", 7).stream().filter(row -> !row.startsWith("of ")).toList();
    }

    /** Where the row of {@code task} is in {@link #inbox}'s rows (-1: absent). */
    private static int at(List<String> rows, String task) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).startsWith(task + " ")) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void theInboxsPagesByHealthAfterAWriteThatChangesATasksColourAreTheSameWithTodaysSnapshotAndDerivedLive() {
        clock.setToday(LocalDate.of(2025, 11, 15));
        String plan = Api.createPlan(ADMIN, "nmg", "2025-01-01");
        String red = Api.newTask(plan, List.of("nmg.zjt"), List.of(), "2025-11-01");
        String yellow = Api.newTask(plan, List.of("nmg.zjt"), List.of("nmg.gat"), "2025-11-30");
        String green = Api.newTask(plan, List.of("nmg.gat"), List.of("nmg.zjt"), "2027-06-30");
        build();
        assertThat(snapshotDay()).isEqualTo("2025-11-15");
        String reporter = TestTokens.reporter("nmg.zjt");
        List<String> before = inbox(reporter);
        assertThat(at(before, red)).isNotNegative().isLessThan(at(before, yellow));
        assertThat(at(before, yellow)).isLessThan(at(before, green));
        assertThat(before.get(at(before, red))).startsWith(red + " RED ");

        // Completed after the snapshot: red there, done now, so it moves from the list's head to its end.
        assertThat(Api.setStatus(ADMIN, red, Api.version(red), "COMPLETED").getString("errors")).isNull();
        List<String> fromSnapshot = inbox(reporter);
        assertThat(snapshotDay()).as("no rebuild in between").isEqualTo("2025-11-15");
        assertThat(fromSnapshot.get(at(fromSnapshot, red))).startsWith(red + " DONE ");
        assertThat(at(fromSnapshot, yellow)).isLessThan(at(fromSnapshot, green));
        assertThat(at(fromSnapshot, red)).isGreaterThan(at(fromSnapshot, green));
        JsonPath offsetPage = post(reporter, "query($a: String) { myTasks(first: 2, after: $a) { edges { node { id } } } }",
                Map.of("a", gov.planning.common.api.Cursor.encode(2)));
        List<String> offsetIds = offsetPage.getList("data.myTasks.edges.node.id");

        Db.update("UPDATE health_snapshot_state SET day = NULL");
        assertThat(inbox(reporter)).as("the same pages derived live").isEqualTo(fromSnapshot);
        assertThat(post(reporter, "query($a: String) { myTasks(first: 2, after: $a) { edges { node { id } } } }",
                Map.of("a", gov.planning.common.api.Cursor.encode(2))).<String>getList("data.myTasks.edges.node.id"))
                .as("a page after an offset, derived live").isEqualTo(offsetIds);
        assertThat(build()).isTrue();
    }

    /**
     * Everything the inbox of {@code reporter} shows in its order by health, as read now: every page after page (keyset,
     * two rows a page) ascending and descending, per role and per colour with its totalCount, and pages after an offset.
     */
    private static Map<String, Object> inboxViews(String reporter) {
        Map<String, Object> views = new TreeMap<>();
        for (String order : List.of("ASC", "DESC")) {
            views.put(order, inboxPages(reporter, "order: " + order, 2));
            for (String role : List.of("LEAD", "COOPERATING")) {
                views.put(order + " " + role, inboxPages(reporter, "order: " + order + ", role: " + role, 2));
                views.put(order + " " + role + " 待填报", inboxPages(reporter, "order: " + order + ", role: " + role + ", reportDue: true", 2));
            }
            // 待填报 and 被退回 (their flags per organization from the snapshot too, V20), and the rest (derived live)
            views.put(order + " 待填报", inboxPages(reporter, "order: " + order + ", reportDue: true", 2));
            views.put(order + " 被退回", inboxPages(reporter, "order: " + order + ", returned: true", 2));
            views.put(order + " 待填报 被退回", inboxPages(reporter, "order: " + order + ", reportDue: true, returned: true", 2));
            views.put(order + " nothing owed", inboxPages(reporter, "order: " + order + ", reportDue: false", 2));
            views.put(order + " 待填报 by deadline", inboxPages(reporter, "sortBy: DEADLINE, order: " + order + ", reportDue: true", 2));
            for (String health : HEALTHS) {
                views.put(order + " " + health, inboxPages(reporter, "order: " + order + ", health: " + health, 2));
                views.put(order + " LEAD " + health, inboxPages(reporter, "order: " + order + ", role: LEAD, health: " + health, 2));
                views.put(order + " " + health + " 待填报", inboxPages(reporter, "order: " + order + ", health: " + health + ", reportDue: true", 2));
            }
            for (int offset : List.of(1, 3)) {
                JsonPath page = post(reporter, "query($a: String) { myTasks(order: " + order + ", first: 3, after: $a) { totalCount "
                        + "pageInfo { hasNextPage } edges { reportDue returned node { id health } } } }",
                        Map.of("a", gov.planning.common.api.Cursor.encode(offset)));
                assertThat(page.getString("errors")).isNull();
                views.put(order + " after offset " + offset, page.getMap("data.myTasks").toString());
            }
        }
        for (String health : HEALTHS) {
            for (String role : List.of("", "role: LEAD, ", "role: COOPERATING, ")) {
                JsonPath count = post(reporter, "{ myTasks(" + role + "health: " + health + ", first: 0) { totalCount } }");
                assertThat(count.getString("errors")).isNull();
                views.put("totalCount " + role + health, count.getInt("data.myTasks.totalCount"));
                views.put("totalCount 待填报 " + role + health, inboxTotal(reporter, role + "health: " + health + ", reportDue: true"));
                // The same organization's tasks as a list of its subtree, whose count by health comes from the snapshot too,
                // and so do its pages of one colour (the candidates: docs/decisions/0018) in every order.
                views.put("subtree's totalCount " + role + health, subtreeCount(role + "health: " + health));
                views.put("subtree's pages " + role + health, subtreePages(role + "health: " + health));
                views.put("subtree's pages by deadline " + role + health, subtreePages(role + "health: " + health + ", sortBy: DEADLINE, order: DESC"));
            }
        }
        for (String role : List.of("", "role: LEAD, ", "role: COOPERATING, ")) {
            views.put("totalCount 待填报 " + role, inboxTotal(reporter, role + "reportDue: true"));
            views.put("totalCount 被退回 " + role, inboxTotal(reporter, role + "returned: true"));
        }
        return views;
    }

    /** The totalCount of {@code myTasks} filtered by {@code arguments}. */
    private static int inboxTotal(String reporter, String arguments) {
        JsonPath count = post(reporter, "{ myTasks(" + arguments + ", first: 0) { totalCount } }");
        assertThat(count.getString("errors")).as(arguments).isNull();
        return count.getInt("data.myTasks.totalCount");
    }

    /** The totalCount of {@code tasks} of the inbox's organization and those below it, filtered by {@code arguments}. */
    private static int subtreeCount(String arguments) {
        return listTotal("orgCode: \"" + INBOX + "\", includeSubOrgs: true, " + arguments + ", ");
    }

    /**
     * The rows of every page of one inbox view ({@code arguments}), {@code size} a page after the last page's cursor: each
     * page's totalCount ("of n"), then per task its id, health and flags.
     */
    private static List<String> inboxPages(String reporter, String arguments, int size) {
        return pages(reporter, "myTasks", arguments, size, "reportDue returned ");
    }

    /** {@link #inboxPages} of the tasks of the inbox's organization and those below it, two a page, as an admin reads them. */
    private static List<String> subtreePages(String arguments) {
        return pages(ADMIN, "tasks", "orgCode: \"" + INBOX + "\", includeSubOrgs: true, " + arguments, 2, "");
    }

    /** Every page of the list {@code field}, the edges' {@code flags} after each task's id and health. */
    private static List<String> pages(String user, String field, String arguments, int size, String flags) {
        String query = "query($a: String) { " + field + "(" + arguments + (arguments.isEmpty() ? "" : ", ") + "first: " + size
                + ", after: $a) { totalCount pageInfo { hasNextPage endCursor } edges { " + flags + "node { id health } } } }";
        List<String> rows = new java.util.ArrayList<>();
        String after = null;
        do {
            Map<String, Object> vars = new java.util.HashMap<>();
            vars.put("a", after);
            JsonPath page = post(user, query, vars);
            assertThat(page.getString("errors")).as(arguments).isNull();
            rows.add("of " + page.getInt("data." + field + ".totalCount"));
            List<Map<String, Object>> edges = page.getList("data." + field + ".edges");
            for (Map<String, Object> edge : edges) {
                @SuppressWarnings("unchecked")
                Map<String, Object> node = (Map<String, Object>) edge.get("node");
                rows.add(node.get("id") + " " + node.get("health") + (flags.isEmpty() ? "" : " " + edge.get("reportDue") + " " + edge.get("returned")));
            }
            after = page.getBoolean("data." + field + ".pageInfo.hasNextPage") ? page.getString("data." + field + ".pageInfo.endCursor") : null;
        } while (after != null);
        return rows;
    }

    /**
     * The inbox's views from today's snapshot and the tasks written since equal the same views derived live (the
     * snapshot set aside, then put back as it was, with the changes since still pending).
     */
    private Map<String, Object> assertInboxFromSnapshotAsLive(String reporter) {
        String today = LocalDate.now(clock).toString();
        assertThat(snapshotDay()).as("answered from today's snapshot").isEqualTo(today);
        Map<String, Object> fromSnapshot = inboxViews(reporter);
        Db.update("UPDATE health_snapshot_state SET day = NULL");
        assertThat(inboxViews(reporter)).as("the inbox derived live").isEqualTo(fromSnapshot);
        Db.update("UPDATE health_snapshot_state SET day = CAST(? AS date)", today);
        return fromSnapshot;
    }

    /** Sets the task's lead and cooperating organizations (by code; null: unchanged). */
    private static void reassign(String task, List<String> leads, List<String> cooperating) {
        Map<String, Object> vars = new java.util.HashMap<>(Map.of("id", task, "v", Api.version(task)));
        vars.put("leads", leads == null ? null : leads.stream().map(FakeOrgTree::ids).toList());
        vars.put("cooperating", cooperating == null ? null : cooperating.stream().map(FakeOrgTree::ids).toList());
        JsonPath updated = post(ADMIN, "mutation($id: ID!, $v: Int!, $leads: [String!], $cooperating: [String!]) { updateTask(id: $id,"
                + " version: $v, leadOrgIds: $leads, cooperatingOrgIds: $cooperating) { id } }", vars);
        assertThat(updated.getString("errors")).isNull();
    }

    /** The inbox's organization below: no other test gives it a task, so its inbox holds this test's tasks alone. */
    private static final String INBOX = FakeOrgTreeClient.BANNER;

    @Test
    void theInboxsPagesCountsAndFiltersAndItsSubtreesCountsAndPagesByHealthFromTodaysSnapshotAreTheLiveOnesAfterEveryKindOfWrite() {
        clock.setToday(LocalDate.of(2025, 8, 15));
        String plan = Api.createPlan(ADMIN, "nmg", "2025-01-01");
        String unreported = Api.newTask(plan, List.of(INBOX), List.of(), "2026-12-31");
        clock.setToday(LocalDate.of(2025, 11, 15));
        String red = Api.newTask(plan, List.of(INBOX), List.of(), "2025-11-01");
        String redCooperating = Api.newTask(plan, List.of("nmg.gat"), List.of(INBOX), "2025-10-01");
        Api.newTask(plan, List.of(INBOX), List.of(), "2025-11-30");
        String yellowCooperating = Api.newTask(plan, List.of("nmg.fgw"), List.of(INBOX), "2025-12-10");
        String green = Api.newTask(plan, List.of(INBOX, "nmg.fgw"), List.of(), "2027-06-30");
        String owing = Api.newTask(plan, List.of(INBOX), List.of("nmg.gat"), "2027-06-30");
        String reportedByAnother = Api.newTask(plan, List.of("nmg.gat"), List.of(INBOX), "2027-06-30");
        String done = Api.newTask(plan, List.of(INBOX), List.of(), "2027-06-30");
        assertThat(Api.setStatus(ADMIN, done, Api.version(done), "COMPLETED").getString("errors")).isNull();
        Api.newTask(plan, List.of("nmg.gat"), List.of(), "2025-11-01");
        // reported this quarter before the snapshot: by the inbox's department, and by another one only
        String reportOfGreen = Api.submit(ADMIN, green, INBOX, "2025Q4", 20, "按计划推进").getString("data.submitProgressReport.id");
        assertThat(Api.submit(ADMIN, reportedByAnother, "nmg.gat", "2025Q4", 20, "按计划推进").getString("errors")).isNull();
        // and one returned (被退回), which owes the report still
        String returnedBefore = Api.submit(ADMIN, redCooperating, INBOX, "2025Q4", 20, "按计划推进").getString("data.submitProgressReport.id");
        assertThat(Api.review(ADMIN, returnedBefore, false, "请补充数据").getString("errors")).isNull();
        // Built anew, whichever test built the same day's snapshot before.
        Db.update("UPDATE health_snapshot_state SET day = NULL");
        assertThat(build()).isTrue();
        String reporter = TestTokens.reporter(INBOX);
        Map<String, Object> before = assertInboxFromSnapshotAsLive(reporter);
        assertThat(before.get("totalCount RED")).as("both red tasks, led and cooperated on").isEqualTo(2);
        assertThat(before.get("totalCount YELLOW")).as("due soon, twice, and the one without a report this quarter").isEqualTo(3);
        assertThat(before.get("totalCount 待填报 ")).as("all nine but the completed one and the one reported this quarter").isEqualTo(7);
        assertThat(Db.count("SELECT count(*) FROM health_snapshot_org_task WHERE report_owed AND org_id = CAST(? AS uuid)",
                FakeOrgTree.ids(INBOX))).as("the snapshot's entries owing a report").isEqualTo(7);
        assertThat(before.get("totalCount 被退回 ")).isEqualTo(1);
        // 被退回 reads the entry's flag: the returned task not written since, marked as not returned, leaves it
        Db.update("UPDATE health_snapshot_org_task SET report_returned = false WHERE task_id = CAST(? AS uuid)", redCooperating);
        assertThat(inboxTotal(reporter, "returned: true")).isZero();
        assertThat(inboxPages(reporter, "returned: true", 2)).containsExactly("of 0");
        Db.update("UPDATE health_snapshot_org_task SET report_returned = true WHERE task_id = CAST(? AS uuid)", redCooperating);

        // a colour changes: completed, and a report submitted; a report returned (owed again)
        assertThat(Api.setStatus(ADMIN, red, Api.version(red), "COMPLETED").getString("errors")).isNull();
        assertThat(Api.submit(ADMIN, unreported, INBOX, "2025Q4", 60, "进展顺利").getString("errors")).isNull();
        assertThat(Api.review(ADMIN, reportOfGreen, false, "请补充数据").getString("errors")).isNull();
        Map<String, Object> written = assertInboxFromSnapshotAsLive(reporter);
        assertThat(written.get("totalCount 待填报 ")).as("less the completed and the reported one, with the returned one").isEqualTo(6);
        assertThat(written.get("totalCount 被退回 ")).isEqualTo(2);
        // a new task for the reporter's department, one taken away from it, a lead replaced by another department and a
        // cooperating department made the lead
        Api.newTask(plan, List.of(INBOX), List.of(), "2025-10-15");
        reassign(yellowCooperating, null, List.of());
        reassign(green, List.of("nmg.fgw"), null);
        reassign(redCooperating, List.of(INBOX), List.of());
        Map<String, Object> after = assertInboxFromSnapshotAsLive(reporter);
        assertThat(after.get("totalCount RED")).as("the new task and the one now led").isEqualTo(2);
        assertThat(after.get("totalCount role: LEAD, RED")).isEqualTo(2);
        assertThat(snapshotDay()).as("no rebuild in between").isEqualTo("2025-11-15");
        assertThat(Db.count("SELECT count(*) FROM health_change")).as("the writes are derived live").isPositive();

        // The pages and counts above came from the snapshot's rows per organization: without the row of a task not written
        // since, the inbox no longer finds it and the subtree's count leaves it out.
        String unchanged = done;
        int doneInSubtree = subtreeCount("health: DONE");
        Db.update("DELETE FROM health_snapshot_org_task WHERE task_id = CAST(? AS uuid)", unchanged);
        assertThat(inbox(reporter)).noneMatch(row -> row.startsWith(unchanged + " "));
        assertThat(subtreeCount("health: DONE")).as("the subtree's count").isEqualTo(doneInSubtree - 1);
        assertThat(subtreePages("health: DONE")).as("the subtree's pages").noneMatch(row -> row.startsWith(unchanged + " "));
        // and 待填报 reads the entry's flag: one not written since, marked as owing nothing, leaves it
        int owed = inboxTotal(reporter, "reportDue: true");
        Db.update("UPDATE health_snapshot_org_task SET report_owed = false WHERE task_id = CAST(? AS uuid)", owing);
        assertThat(inboxTotal(reporter, "reportDue: true")).isEqualTo(owed - 1);
        assertThat(inboxPages(reporter, "reportDue: true", 2)).noneMatch(row -> row.startsWith(owing + " "));
        Db.update("UPDATE health_snapshot_state SET day = NULL");
        assertThat(build()).as("rebuilt").isTrue();
        assertThat(inbox(reporter)).anyMatch(row -> row.startsWith(unchanged + " DONE "));
        Map<String, Object> rebuilt = assertInboxFromSnapshotAsLive(reporter);

        // A build of the version before V20 writes no flags: its entries carry none, and 待填报 and 被退回 are derived live.
        Db.update("CREATE TABLE previous_version_snapshot AS SELECT day, task_id, plan_id, health, leads FROM health_snapshot");
        Db.update("DELETE FROM health_snapshot");
        Db.update("INSERT INTO health_snapshot (day, task_id, plan_id, health, leads) SELECT * FROM previous_version_snapshot");
        Db.update("DROP TABLE previous_version_snapshot");
        assertThat(Db.count("SELECT count(*) FROM health_snapshot_org_task WHERE report_owed")).isZero();
        assertThat(Db.count("SELECT count(*) FROM health_snapshot_state WHERE inbox_flags_day IS NOT NULL")).as("no day of the flags").isZero();
        assertThat(assertInboxFromSnapshotAsLive(reporter)).isEqualTo(rebuilt);
    }

    @Test
    void theDashboardsPagesWalkTodaysRowsPerOrganizationWhichEveryBuildOfTheCountsKeepsAlsoOneOfThePreviousVersion() {
        String plan = snapshotOfPlanWithTask("nmg.gat", "2025-11-01");
        List<Object> pages = dashboardPages();
        String gat = FakeOrgTree.ids("nmg.gat");
        Runnable firstPage = () -> post(VIEWER, "{ healthCountPage(first: 20) { totalCount edges { node { org { id } red } } } }");
        // two of them the counter's own; then the leads (for their successors) and the page with its sums
        assertThat(gov.planning.testing.SqlStatements.fewestOfThree(firstPage)).as("statements of a page from today's rows").isEqualTo(4);
        assertThat(count("nmg.gat", "RED", dashboard(plan))).isEqualTo(1);

        Db.update("UPDATE health_snapshot_org_row SET red = red + 100000 WHERE org_id = CAST('" + gat + "' AS uuid)");
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) ((List<Map<String, Object>>) ((Map<String, Object>) dashboardPages().get(0))
                .get("edges")).get(0).get("node");
        assertThat(first).as("the page walks today's rows (one made most red here)").containsEntry("org", Map.of("id", gat));

        // What a build of the version before V15 writes (it knows nothing of the rows): the counts per organization
        // replaced as a whole. The triggers replace the rows with them.
        Db.update("DELETE FROM health_snapshot_org_count");
        Db.update("INSERT INTO health_snapshot_org_count (day, org_id, health, tasks) SELECT c.day, c.org_id, c.health, sum(c.tasks)"
                + " FROM health_snapshot_lead_count c GROUP BY c.day, c.org_id, c.health");
        assertThat(dashboardPages()).as("the rows written again from the counts").isEqualTo(pages);
        Db.update("UPDATE health_snapshot_state SET day = NULL");
        assertThat(build()).isTrue();
        assertThat(dashboardPages()).as("rebuilt rows").isEqualTo(pages);
    }

    @Test
    void aNewDayChangesColoursWithNoWriteBeforeAndAfterItsSnapshotIsBuilt() {
        String plan = snapshotOfPlanWithTask("nmg.gat", "2025-11-16");
        assertThat(dashboard(plan).get(FakeOrgTree.ids("nmg.gat"))).as("due tomorrow")
                .isEqualTo(Map.of("RED", 0, "YELLOW", 1, "GREEN", 0, "DONE", 0));

        clock.setToday(LocalDate.of(2025, 11, 17));
        assertThat(snapshotDay()).isEqualTo("2025-11-15");
        assertThat(dashboard(plan).get(FakeOrgTree.ids("nmg.gat"))).as("overdue, before the new day's snapshot")
                .isEqualTo(Map.of("RED", 1, "YELLOW", 0, "GREEN", 0, "DONE", 0));
        assertThat(listTotals(plan).get("RED")).isEqualTo(1);

        assertThat(build()).as("a new day, a new snapshot").isTrue();
        assertThat(snapshotDay()).isEqualTo("2025-11-17");
        assertThat(dashboard(plan).get(FakeOrgTree.ids("nmg.gat"))).as("overdue, from the new day's snapshot")
                .isEqualTo(Map.of("RED", 1, "YELLOW", 0, "GREEN", 0, "DONE", 0));
        assertThat(listTotals(plan).get("RED")).isEqualTo(1);
        assertSnapshotAnswersAsLiveDerivation(plan);
    }

    @Test
    void aReplacedLeadCountsOnceForItsSuccessorAndAReassignedTaskMovesItsCount() {
        clock.setToday(LocalDate.of(2025, 11, 15));
        String plan = Api.createPlan(ADMIN, "nmg", "2025-01-01");
        Api.newTask(plan, List.of("nmg.gtzyt", "nmg.zrzyt"), List.of(), "2027-12-31");
        Api.newTask(plan, List.of("nmg.gtzyt"), List.of(), "2027-12-31");
        String moved = Api.newTask(plan, List.of("nmg.zjt"), List.of(), "2027-12-31");
        build();
        Map<String, Map<String, Integer>> board = dashboard(plan);
        assertThat(board.keySet()).as("the replaced 国土资源厅 counts as 自然资源厅")
                .containsExactlyInAnyOrder(FakeOrgTree.ids("nmg.zrzyt"), FakeOrgTree.ids("nmg.zjt"));
        assertThat(count("nmg.zrzyt", "GREEN", board)).as("the task led by both counts once").isEqualTo(2);

        JsonPath reassigned = post(ADMIN, "mutation($id: ID!, $v: Int!, $leads: [String!]) { updateTask(id: $id, version: $v, leadOrgIds: $leads) { id } }",
                Map.of("id", moved, "v", Api.version(moved), "leads", List.of(FakeOrgTree.ids("nmg.gat"))));
        assertThat(reassigned.getString("errors")).isNull();
        board = dashboard(plan);
        assertThat(board.keySet()).containsExactlyInAnyOrder(FakeOrgTree.ids("nmg.zrzyt"), FakeOrgTree.ids("nmg.gat"));
        assertThat(count("nmg.gat", "GREEN", board)).isEqualTo(1);
        assertSnapshotAnswersAsLiveDerivation(plan);
    }

    @Test
    void aHiddenPlansTasksLeaveTheCountsAndReturnWhenItIsShown() {
        String plan = snapshotOfPlanWithTask("nmg.zjt", "2025-11-01");
        int red = listTotals(null).get("RED");
        int all = listTotals(null).get("ALL");
        Db.update("UPDATE plan SET importing = true WHERE id = CAST(? AS uuid)", plan);
        assertThat(listTotals(null).get("RED")).as("a plan being imported is hidden").isEqualTo(red - 1);
        assertThat(listTotals(null).get("ALL")).as("a plan being imported is hidden").isEqualTo(all - 1);
        assertThat(dashboard(plan)).isEmpty();
        Db.update("UPDATE plan SET importing = false WHERE id = CAST(? AS uuid)", plan);
        assertThat(listTotals(null).get("RED")).isEqualTo(red);
        assertThat(listTotals(null).get("ALL")).as("every task of the shown plans").isEqualTo(all);
        assertSnapshotAnswersAsLiveDerivation(plan);
    }

    @Test
    void todaysSnapshotIsRebuiltOnlyOnceMoreThanAThousandTasksChangedSinceIt() {
        clock.setToday(LocalDate.of(2024, 6, 3));
        assertThat(build()).as("the day's first build").isTrue();
        assertThat(Db.count("SELECT count(*) FROM health_change")).as("the build took in every change it saw").isZero();
        // planning.health-snapshot.rebuild-after-changes: 1,000 (application.properties); rows as the triggers append them
        Db.update("INSERT INTO health_change (task_id) SELECT gen_random_uuid() FROM generate_series(1, 1000)");
        assertThat(build()).as("1,000 changes: reads derive them live, no rebuild").isFalse();
        assertThat(Db.count("SELECT count(*) FROM health_change")).isEqualTo(1000);

        Db.update("INSERT INTO health_change (task_id) VALUES (gen_random_uuid())");
        assertThat(build()).as("1,001 changes: rebuilt").isTrue();
        assertThat(Db.count("SELECT count(*) FROM health_change")).isZero();
        assertThat(snapshotDay()).isEqualTo("2024-06-03");
    }

    @Test
    void twoBuildsForOneDayWriteOneSnapshot() throws Exception {
        clock.setToday(LocalDate.of(2025, 11, 18));
        String plan = Api.createPlan(ADMIN, "nmg", "2025-01-01");
        Api.newTask(plan, List.of("nmg.zjt"), List.of(), "2027-12-31");
        try (Connection holder = connect()) {
            // Both builds take their MVCC snapshot and then wait for this lock on the state row, so they overlap.
            holder.setAutoCommit(false);
            holder.createStatement().execute("SELECT * FROM health_snapshot_state FOR UPDATE");
            CompletableFuture<Boolean> first = snapshots.buildIfDue().subscribeAsCompletionStage();
            CompletableFuture<Boolean> second = snapshots.buildIfDue().subscribeAsCompletionStage();
            awaitBuildsWaitingForTheStateRow(2);
            holder.commit();
            assertThat(List.of(first.get(), second.get())).as("one of them built").containsExactlyInAnyOrder(true, false);
        }
        assertThat(build()).as("built already today").isFalse();
        assertThat(snapshotDay()).isEqualTo("2025-11-18");
        assertThat(Db.count("SELECT count(*) FROM health_snapshot")).isEqualTo(Db.count("SELECT count(DISTINCT task_id) FROM health_snapshot"));
        assertThat(dashboard(plan).get(FakeOrgTree.ids("nmg.zjt"))).isEqualTo(Map.of("RED", 0, "YELLOW", 0, "GREEN", 1, "DONE", 0));
    }

    @Test
    void aReportCommittedWhileTheSnapshotIsBuiltStaysCounted() throws Exception {
        String[] fixture = planWithUnreportedTask();
        String plan = fixture[0];
        Db.update("UPDATE health_snapshot_state SET day = NULL");
        CompletableFuture<Boolean> building;
        try (Connection holder = connect()) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("SELECT * FROM health_snapshot_state FOR UPDATE");
            building = snapshots.buildIfDue().subscribeAsCompletionStage();
            awaitBuildsWaitingForTheStateRow(1);
            // Committed after the build's MVCC snapshot: the snapshot holds the task as unreported.
            assertThat(Api.submit(ADMIN, fixture[1], "nmg.zjt", "2025Q4", 60, "进展顺利").getString("errors")).isNull();
            holder.commit();
        }
        assertThat(building.get()).isTrue();
        assertThat(Db.count("SELECT count(*) FROM health_snapshot WHERE task_id = CAST(? AS uuid) AND health = 'YELLOW'", fixture[1]))
                .as("the snapshot was taken before the report").isEqualTo(1);
        assertThat(dashboard(plan).get(FakeOrgTree.ids("nmg.zjt"))).as("the report counts all the same")
                .isEqualTo(Map.of("RED", 0, "YELLOW", 0, "GREEN", 1, "DONE", 0));
        assertThat(listTotals(plan)).isEqualTo(Map.of("RED", 0, "YELLOW", 0, "GREEN", 1, "DONE", 0, "ALL", 1));
        assertSnapshotAnswersAsLiveDerivation(plan);
    }

    private static void awaitBuildsWaitingForTheStateRow(int builds) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (Db.count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                    + " AND query LIKE 'UPDATE health_snapshot_state%'") >= builds) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(builds + " builds never waited for the state row");
    }

    private static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }
}
