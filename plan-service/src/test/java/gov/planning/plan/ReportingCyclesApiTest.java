package gov.planning.plan;

import static gov.planning.testing.GraphQLClient.firstErrorCode;
import static gov.planning.testing.GraphQLClient.post;
import static gov.planning.testing.TestTokens.admin;
import static gov.planning.testing.TestTokens.planner;
import static gov.planning.testing.TestTokens.reporter;
import static gov.planning.testing.TestTokens.viewer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import gov.planning.plan.cycle.OwedReport;
import gov.planning.plan.cycle.SqlReportsOwed;
import gov.planning.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Reporting cycles (issue #16): period codes of the task's cadence, the window (open, late, closed), the lock of an
 * approved period and its reopening, the inbox and the health rule by cadence, and the reports owed for reminders.
 * The plan is issued on 2025-01-01 with the default cycle (QUARTERLY, due on the 25th, 10 grace days) unless said.
 */
@QuarkusTest
class ReportingCyclesApiTest {

    private static final String PERIODS = """
            query($t: ID!, $o: ID, $last: Int) { task(id: $t) { reportCadence ownReportCadence
              reportingPeriods(orgId: $o, last: $last) { period label opens due closes org { id } status late locked reopenedUntil
                report { id status late } } } }""";

    @Inject
    TestClock clock;

    @Inject
    // The real one: reminder tests put a fake ReportsOwed in place of the interface.
    SqlReportsOwed owed;

    @AfterEach
    void realTimeAgain() {
        clock.useSystemTime();
    }

    private static String plan(Map<String, Object> reporting) {
        Map<String, Object> input = new HashMap<>(Map.of("title", "报送周期方案 " + System.nanoTime(), "kind", "TASK_DIVISION",
                "issuerId", FakeOrgTree.ids("nmg"), "issuedOn", "2025-01-01"));
        input.putAll(reporting);
        JsonPath created = post(admin(), "mutation($input: PlanInput!) { createPlan(input: $input) { id reportCadence reportDueDay reportGraceDays } }",
                Map.of("input", input));
        assertThat(created.getString("errors")).isNull();
        return created.getString("data.createPlan.id");
    }

    private static String task(String plan, String title, List<String> leads, List<String> cooperating, String cadence) {
        Map<String, Object> input = Api.task(title, leads, cooperating, "2027-12-31");
        if (cadence != null) {
            input.put("reportCadence", cadence);
        }
        JsonPath created = Api.createTask(admin(), plan, input);
        assertThat(created.getString("errors")).isNull();
        return created.getString("data.createTask.id");
    }

    private static JsonPath periods(String task, String org, int last) {
        Map<String, Object> vars = new HashMap<>(Map.of("t", task, "last", last));
        if (org != null) {
            vars.put("o", FakeOrgTree.ids(org));
        }
        JsonPath read = post(viewer(), PERIODS, vars);
        assertThat(read.getString("errors")).isNull();
        return read;
    }

    private static JsonPath reopen(String token, String task, String org, String period, String reason) {
        return post(token, """
                mutation($t: ID!, $o: ID!, $p: String!, $r: String!) {
                  reopenReportingPeriod(taskId: $t, orgId: $o, period: $p, reason: $r) { period org { id } reason reopenedBy openUntil }
                }""", Map.of("t", task, "o", FakeOrgTree.ids(org), "p", period, "r", reason));
    }

    private static long reports(String task) {
        return Db.count("SELECT count(*) FROM progress_report WHERE task_id = ?", UUID.fromString(task));
    }

    @Test
    void aPeriodIsACodeOfTheTasksCadenceAcceptedFromItsStartLateAfterItsDueDateAndRefusedOnceItsWindowClosed() {
        clock.setToday(LocalDate.of(2025, 3, 10));
        String plan = plan(Map.of());
        String task = task(plan, "窗口任务", List.of("nmg.zjt"), List.of("nmg.gat", "nmg.fgw"), null);

        JsonPath wording = Api.submit(reporter("nmg.zjt"), task, "nmg.zjt", "2025年第一季度", 10, "按旧写法");
        assertThat(firstErrorCode(wording)).isEqualTo("BAD_USER_INPUT");
        assertThat(wording.getString("errors[0].message")).startsWith("period:").contains("2025Q1");
        JsonPath future = Api.submit(reporter("nmg.zjt"), task, "nmg.zjt", "2025Q2", 10, "提前填报");
        assertThat(firstErrorCode(future)).isEqualTo("BAD_USER_INPUT");
        assertThat(future.getString("errors[0].message")).startsWith("period:").contains("2025-04-01");

        JsonPath onTime = post(reporter("nmg.zjt"), "mutation($t: ID!, $o: ID!) { submitProgressReport(taskId: $t, orgId: $o, period: \"2025Q1\", "
                + "percent: 10, summary: \"按期填报\") { late } }", Map.of("t", task, "o", FakeOrgTree.ids("nmg.zjt")));
        assertThat(onTime.getBoolean("data.submitProgressReport.late")).isFalse();

        clock.setToday(LocalDate.of(2025, 3, 30)); // after the due date (25 March), within the 10 grace days
        assertThat(Api.submit(reporter("nmg.gat"), task, "nmg.gat", "2025Q1", 10, "逾期填报").getString("errors")).isNull();

        clock.setToday(LocalDate.of(2025, 4, 5)); // the window closed on 4 April
        long before = reports(task);
        JsonPath closed = Api.submit(reporter("nmg.fgw"), task, "nmg.fgw", "2025Q1", 10, "窗口关闭后");
        assertThat(firstErrorCode(closed)).isEqualTo("FORBIDDEN");
        assertThat(closed.getString("errors[0].message")).startsWith("period:").contains("2025-04-04").contains("reopenReportingPeriod");
        assertThat(reports(task)).isEqualTo(before);

        JsonPath read = periods(task, null, 2);
        assertThat(read.getString("data.task.reportCadence")).isEqualTo("QUARTERLY");
        assertThat(read.getString("data.task.ownReportCadence")).isNull();
        List<Map<String, Object>> rows = read.getList("data.task.reportingPeriods");
        assertThat(rows).hasSize(6); // lead first, then the two cooperating organizations, two quarters each
        assertThat(rows).extracting(r -> r.get("period") + " " + ((Map<?, ?>) r.get("org")).get("id") + " " + r.get("status") + " " + r.get("late"))
                .containsExactly(
                        "2025Q1 " + FakeOrgTree.ids("nmg.zjt") + " SUBMITTED false",
                        "2025Q2 " + FakeOrgTree.ids("nmg.zjt") + " OPEN false",
                        "2025Q1 " + FakeOrgTree.ids("nmg.gat") + " SUBMITTED true",
                        "2025Q2 " + FakeOrgTree.ids("nmg.gat") + " OPEN false",
                        "2025Q1 " + FakeOrgTree.ids("nmg.fgw") + " MISSED false",
                        "2025Q2 " + FakeOrgTree.ids("nmg.fgw") + " OPEN false");
        assertThat(read.getString("data.task.reportingPeriods[0].label")).isEqualTo("2025年第一季度");
        assertThat(read.getString("data.task.reportingPeriods[0].opens")).isEqualTo("2025-01-01");
        assertThat(read.getString("data.task.reportingPeriods[0].due")).isEqualTo("2025-03-25");
        assertThat(read.getString("data.task.reportingPeriods[0].closes")).isEqualTo("2025-04-04");
        assertThat(read.getBoolean("data.task.reportingPeriods[2].report.late")).isTrue();
        assertThat(periods(task, "nmg.fgw", 60).getList("data.task.reportingPeriods.period")).containsExactly("2025Q1", "2025Q2");
    }

    @Test
    void anApprovedPeriodIsLockedUntilAPlannerOfTheLeadSideReopensItWhichIsAuditedAndAcceptsALateReport() {
        clock.setToday(LocalDate.of(2025, 3, 10));
        String plan = plan(Map.of());
        String task = task(plan, "锁定任务", List.of("nmg.hhht.zjj"), List.of("nmg.fgw"), null);
        String report = Api.submit(reporter("nmg.fgw"), task, "nmg.fgw", "2025Q1", 30, "一季度进展").getString("data.submitProgressReport.id");
        assertThat(Api.review(reporter("nmg.hhht.zjj"), report, true, null).getString("data.reviewProgressReport.status")).isEqualTo("APPROVED");

        clock.setToday(LocalDate.of(2025, 4, 20)); // the window closed on 4 April
        JsonPath again = Api.submit(reporter("nmg.fgw"), task, "nmg.fgw", "2025Q1", 35, "修改");
        assertThat(firstErrorCode(again)).isEqualTo("CONFLICT");
        assertThat(again.getString("errors[0].message")).startsWith("period:").contains("锁定").contains("reopenReportingPeriod");
        assertThat(periods(task, "nmg.fgw", 1 + 1).getBoolean("data.task.reportingPeriods[0].locked")).isTrue();

        // A reporter may approve but not undo an approval; a planner of an unrelated organization may not either.
        assertThat(firstErrorCode(reopen(reporter("nmg.hhht.zjj"), task, "nmg.fgw", "2025Q1", "需更正"))).isEqualTo("FORBIDDEN");
        assertThat(firstErrorCode(reopen(reporter("nmg.fgw"), task, "nmg.fgw", "2025Q1", "需更正"))).isEqualTo("FORBIDDEN");
        assertThat(firstErrorCode(reopen(planner("nmg.fgw"), task, "nmg.fgw", "2025Q1", "需更正"))).isEqualTo("FORBIDDEN");
        assertThat(firstErrorCode(reopen(planner("nmg.hhht"), task, "nmg.fgw", "2025年一季度", "需更正"))).isEqualTo("BAD_USER_INPUT");
        assertThat(firstErrorCode(reopen(planner("nmg.hhht"), task, "nmg.zjt", "2025Q1", "不在任务上"))).isEqualTo("BAD_USER_INPUT");
        assertThat(Db.count("SELECT count(*) FROM progress_report WHERE id = ? AND status = 'APPROVED'", UUID.fromString(report))).isEqualTo(1);

        JsonPath reopened = reopen(planner("nmg.hhht"), task, "nmg.fgw", "2025Q1", "数据需更正");
        assertThat(reopened.getString("errors")).isNull();
        assertThat(reopened.getString("data.reopenReportingPeriod.openUntil")).isEqualTo("2025-05-04");
        assertThat(reopened.getString("data.reopenReportingPeriod.reopenedBy")).isEqualTo("planner.nmg.hhht");

        JsonPath history = post(viewer(), "query($t: ID!) { task(id: $t) { history { actor action changes { field after } } "
                + "reports { id status reviewComment history { action } } } }", Map.of("t", task));
        assertThat(history.getString("data.task.history[0].action")).isEqualTo("REOPEN_PERIOD");
        assertThat(history.getString("data.task.history[0].actor")).isEqualTo("planner.nmg.hhht");
        assertThat(history.getList("data.task.history[0].changes.after")).contains("2025Q1", "数据需更正");
        assertThat(history.getString("data.task.reports[0].status")).isEqualTo("RETURNED");
        assertThat(history.getString("data.task.reports[0].reviewComment")).contains("数据需更正");
        assertThat(history.getString("data.task.reports[0].history[0].action")).isEqualTo("REOPEN");

        JsonPath standing = periods(task, "nmg.fgw", 2);
        assertThat(standing.getString("data.task.reportingPeriods[0].status")).isEqualTo("RETURNED");
        assertThat(standing.getBoolean("data.task.reportingPeriods[0].locked")).isFalse();
        assertThat(standing.getString("data.task.reportingPeriods[0].reopenedUntil")).isEqualTo("2025-05-04");

        JsonPath corrected = post(reporter("nmg.fgw"), "mutation($t: ID!, $o: ID!) { submitProgressReport(taskId: $t, orgId: $o, period: \"2025Q1\", "
                + "percent: 35, summary: \"更正后\") { status late } }", Map.of("t", task, "o", FakeOrgTree.ids("nmg.fgw")));
        assertThat(corrected.getString("errors")).isNull();
        assertThat(corrected.getBoolean("data.submitProgressReport.late")).isTrue();

        clock.setToday(LocalDate.of(2025, 5, 5)); // the reopening lapsed: another organization's closed period stays closed
        assertThat(firstErrorCode(Api.submit(reporter("nmg.hhht.zjj"), task, "nmg.hhht.zjj", "2025Q1", 35, "迟报"))).isEqualTo("FORBIDDEN");
    }

    @Test
    void theInboxOwesTheCurrentPeriodOfEachTasksCadenceAndCountsMissedPeriods() {
        clock.setToday(LocalDate.of(2025, 3, 10));
        String plan = plan(Map.of());
        String marker = "收件箱" + UUID.randomUUID().toString().substring(0, 8);
        String monthly = task(plan, marker + "月报", List.of("nmg.zjt"), List.of(), "MONTHLY");
        String quarterly = task(plan, marker + "季报", List.of("nmg.zjt"), List.of(), null);
        assertThat(firstErrorCode(Api.submit(reporter("nmg.zjt"), monthly, "nmg.zjt", "2025Q1", 10, "按季度"))).isEqualTo("BAD_USER_INPUT");

        String inbox = "query($s: String) { myTasks(search: $s) { edges { node { id reportCadence } reportDue missedPeriods } } }";
        JsonPath before = post(reporter("nmg.zjt"), inbox, Map.of("s", marker));
        assertThat(before.getString("errors")).isNull();
        Map<String, Map<String, Object>> edges = byTask(before);
        assertThat(edges.get(monthly)).containsEntry("reportDue", true).containsEntry("missedPeriods", 2); // January and February closed
        assertThat(edges.get(quarterly)).containsEntry("reportDue", true).containsEntry("missedPeriods", 0);

        assertThat(Api.submit(reporter("nmg.zjt"), monthly, "nmg.zjt", "2025-03", 10, "三月进展").getString("errors")).isNull();
        assertThat(Api.submit(reporter("nmg.zjt"), quarterly, "nmg.zjt", "2025Q1", 10, "一季度进展").getString("errors")).isNull();
        Map<String, Map<String, Object>> after = byTask(post(reporter("nmg.zjt"), inbox, Map.of("s", marker)));
        assertThat(after.get(monthly)).containsEntry("reportDue", false).containsEntry("missedPeriods", 2);
        assertThat(after.get(quarterly)).containsEntry("reportDue", false);

        clock.setToday(LocalDate.of(2025, 4, 2)); // a new month and quarter: both owe again, and March still accepts late
        Map<String, Map<String, Object>> april = byTask(post(reporter("nmg.zjt"), inbox, Map.of("s", marker)));
        assertThat(april.get(monthly)).containsEntry("reportDue", true).containsEntry("missedPeriods", 2);
        assertThat(april.get(quarterly)).containsEntry("reportDue", true).containsEntry("missedPeriods", 0);
        JsonPath dueOnly = post(reporter("nmg.zjt"), "query($s: String) { myTasks(search: $s, reportDue: false) { totalCount } }", Map.of("s", marker));
        assertThat(dueOnly.getInt("data.myTasks.totalCount")).isZero();
    }

    @Test
    void reportsStopBeingOwedAfterTheTasksDeadlineAndAfterThePlansLastYear() {
        clock.setToday(LocalDate.of(2024, 12, 1));
        String ended = plan(Map.of("periodStart", 2021, "periodEnd", 2024, "issuedOn", "2023-01-01"));
        String marker = "期满" + UUID.randomUUID().toString().substring(0, 8);
        String ofEndedPlan = task(ended, marker + "十四五任务", List.of("nmg.zjt"), List.of(), null);
        String running = plan(Map.of());
        Map<String, Object> dueInJune = Api.task(marker + "六月到期", List.of("nmg.zjt"), List.of(), "2025-06-30");
        JsonPath created = Api.createTask(admin(), running, dueInJune);
        assertThat(created.getString("errors")).isNull();
        String ofJune = created.getString("data.createTask.id");
        for (String plan : List.of(ended, running)) {
            assertThat(post(admin(), "mutation($id: ID!) { publishPlan(id: $id) { status } }", Map.of("id", plan)).getString("errors")).isNull();
        }

        clock.setToday(LocalDate.of(2026, 12, 5));
        // The plan of 2021–2024 issued in 2023 owed its eight quarters to 2024Q4; the June task 2025Q1 and Q2 only.
        assertThat(periods(ofEndedPlan, null, 60).getList("data.task.reportingPeriods.period"))
                .containsExactly("2023Q1", "2023Q2", "2023Q3", "2023Q4", "2024Q1", "2024Q2", "2024Q3", "2024Q4");
        assertThat(periods(ofJune, null, 60).getList("data.task.reportingPeriods.period")).containsExactly("2025Q1", "2025Q2");
        Map<String, Map<String, Object>> inbox = byTask(post(reporter("nmg.zjt"),
                "query($s: String) { myTasks(search: $s) { edges { node { id } reportDue missedPeriods } } }", Map.of("s", marker)));
        assertThat(inbox.get(ofEndedPlan)).containsEntry("reportDue", false).containsEntry("missedPeriods", 8);
        assertThat(inbox.get(ofJune)).containsEntry("reportDue", false).containsEntry("missedPeriods", 2);
        assertThat(owed.dueBetween(LocalDate.of(2024, 10, 1), LocalDate.of(2026, 12, 31)).await().indefinitely())
                .filteredOn(r -> r.taskId().equals(UUID.fromString(ofJune)) || r.taskId().equals(UUID.fromString(ofEndedPlan)))
                .extracting(r -> r.taskTitle() + " " + r.period())
                .containsExactly(marker + "十四五任务 2024Q4", marker + "六月到期 2025Q1", marker + "六月到期 2025Q2");
    }

    private static Map<String, Map<String, Object>> byTask(JsonPath inbox) {
        Map<String, Map<String, Object>> byTask = new HashMap<>();
        List<Map<String, Object>> edges = inbox.getList("data.myTasks.edges");
        edges.forEach(e -> byTask.put((String) ((Map<?, ?>) e.get("node")).get("id"), e));
        return byTask;
    }

    @Test
    void noReportInTheLastPeriodOfTheTasksCadenceMakesItYellowInJavaAndInSql() {
        clock.setToday(LocalDate.of(2025, 1, 5));
        String plan = plan(Map.of());
        String monthly = task(plan, "月报健康", List.of("nmg.zjt"), List.of(), "MONTHLY");
        String quarterly = task(plan, "季报健康", List.of("nmg.zjt"), List.of(), null);
        String halfYearly = task(plan, "半年报健康", List.of("nmg.zjt"), List.of(), "HALF_YEARLY");

        clock.setToday(LocalDate.of(2025, 3, 10)); // February passed without a report; the last quarter ended before the tasks began
        assertThat(health(monthly)).isEqualTo("YELLOW");
        assertThat(health(quarterly)).isEqualTo("GREEN");
        assertThat(health(halfYearly)).isEqualTo("GREEN");
        assertThat(yellow(plan)).containsExactly(monthly);

        assertThat(Api.submit(reporter("nmg.zjt"), monthly, "nmg.zjt", "2025-03", 10, "三月进展").getString("errors")).isNull();
        assertThat(health(monthly)).isEqualTo("GREEN");

        clock.setToday(LocalDate.of(2025, 7, 10)); // Q2 and 2025H1 ended without a report; March's report is older than June
        assertThat(health(quarterly)).isEqualTo("YELLOW");
        assertThat(health(monthly)).isEqualTo("YELLOW");
        assertThat(health(halfYearly)).isEqualTo("YELLOW");
        assertThat(yellow(plan)).containsExactlyInAnyOrder(monthly, quarterly, halfYearly);

        // A task's own cadence can be set back to the plan's.
        JsonPath back = post(admin(), "mutation($id: ID!, $v: Int!) { updateTask(id: $id, version: $v, reportCadenceFromPlan: true) { reportCadence ownReportCadence } }",
                Map.of("id", monthly, "v", Api.version(monthly)));
        assertThat(back.getString("errors")).isNull();
        assertThat(back.getString("data.updateTask.reportCadence")).isEqualTo("QUARTERLY");
        assertThat(back.getString("data.updateTask.ownReportCadence")).isNull();
    }

    private static String health(String task) {
        return Api.readTask(viewer(), task).getString("data.task.health");
    }

    private static List<String> yellow(String plan) {
        return post(viewer(), "query($p: ID!) { plan(id: $p) { tasks(health: YELLOW) { edges { node { id } } } } }", Map.of("p", plan))
                .getList("data.plan.tasks.edges.node.id");
    }

    @Test
    void theReportingCycleIsValidatedNamingTheFieldAndChangedByThePlansPlanners() {
        JsonPath dueDay = post(admin(), "mutation($input: PlanInput!) { createPlan(input: $input) { id } }",
                Map.of("input", Map.of("title", "坏周期", "kind", "TASK_DIVISION", "issuerId", FakeOrgTree.ids("nmg"), "reportDueDay", 29)));
        assertThat(firstErrorCode(dueDay)).isEqualTo("BAD_USER_INPUT");
        assertThat(dueDay.getString("errors[0].message")).contains("reportDueDay");

        String plan = plan(Map.of("reportCadence", "HALF_YEARLY"));
        String change = "mutation($id: ID!, $c: ReportCadence, $d: Int, $g: Int) { updatePlanReporting(id: $id, reportCadence: $c, reportDueDay: $d, "
                + "reportGraceDays: $g) { reportCadence reportDueDay reportGraceDays } }";
        JsonPath tooLate = post(admin(), change, Map.of("id", plan, "d", 31));
        assertThat(firstErrorCode(tooLate)).isEqualTo("BAD_USER_INPUT");
        assertThat(tooLate.getString("errors[0].message")).startsWith("reportDueDay:");
        assertThat(firstErrorCode(post(admin(), change, Map.of("id", plan, "g", -1)))).isEqualTo("BAD_USER_INPUT");
        assertThat(firstErrorCode(post(reporter("nmg.zjt"), change, Map.of("id", plan, "d", 20)))).isEqualTo("FORBIDDEN");
        assertThat(firstErrorCode(post(planner("nmg.zjt"), change, Map.of("id", plan, "d", 20)))).isEqualTo("FORBIDDEN");

        JsonPath changed = post(planner("nmg"), change, Map.of("id", plan, "c", "MONTHLY", "d", 20, "g", 5));
        assertThat(changed.getString("errors")).isNull();
        assertThat(changed.getString("data.updatePlanReporting.reportCadence")).isEqualTo("MONTHLY");
        assertThat(changed.getInt("data.updatePlanReporting.reportDueDay")).isEqualTo(20);
        assertThat(changed.getInt("data.updatePlanReporting.reportGraceDays")).isEqualTo(5);
        assertThat(Api.auditEntries(plan)).isEqualTo(2);
    }

    @Test
    void reportsOwedAreOnePerTaskOrganizationAndPeriodDueInTheRangeWithWhetherOneIsOpen() {
        clock.setToday(LocalDate.of(2025, 3, 10));
        String plan = plan(Map.of("reportDueDay", 20));
        String quarterly = task(plan, "应报季报", List.of("nmg.zjt"), List.of("nmg.gat"), null);
        String monthly = task(plan, "应报月报", List.of("nmg.zjt"), List.of(), "MONTHLY");
        String completed = task(plan, "已完成", List.of("nmg.zjt"), List.of(), null);
        assertThat(Api.setStatus(admin(), completed, 0, "COMPLETED").getString("errors")).isNull();
        String draft = plan(Map.of());
        task(draft, "草稿任务", List.of("nmg.zjt"), List.of(), null);
        assertThat(post(admin(), "mutation($id: ID!) { publishPlan(id: $id) { status } }", Map.of("id", plan)).getString("errors")).isNull();
        assertThat(Api.submit(reporter("nmg.zjt"), quarterly, "nmg.zjt", "2025Q1", 10, "已报").getString("errors")).isNull();

        gov.planning.testing.SqlStatements.reset();
        List<OwedReport> rows = owed.dueBetween(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31)).await().indefinitely();
        assertThat(gov.planning.testing.SqlStatements.calls("reported")).isEqualTo(1);

        UUID planId = UUID.fromString(plan);
        assertThat(rows).noneMatch(r -> r.planId().equals(UUID.fromString(draft)));
        assertThat(rows).filteredOn(r -> r.planId().equals(planId))
                .extracting(r -> r.taskTitle() + " " + r.orgId() + " " + r.period() + " " + r.due() + " " + r.closes() + " " + r.reported())
                .containsExactlyInAnyOrder(
                        "应报季报 " + FakeOrgTree.ids("nmg.zjt") + " 2025Q1 2025-03-20 2025-03-30 true",
                        "应报季报 " + FakeOrgTree.ids("nmg.gat") + " 2025Q1 2025-03-20 2025-03-30 false",
                        "应报月报 " + FakeOrgTree.ids("nmg.zjt") + " 2025-03 2025-03-20 2025-03-30 false");
        assertThat(owed.dueBetween(LocalDate.of(2025, 3, 21), LocalDate.of(2025, 4, 19)).await().indefinitely())
                .filteredOn(r -> r.planId().equals(planId)).isEmpty();
        assertThat(owed.dueBetween(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 2, 28)).await().indefinitely())
                .filteredOn(r -> r.planId().equals(planId)).extracting(OwedReport::period).containsExactly("2025-01", "2025-02");
    }

    @Test
    void theReportingPeriodsOfAPageOfTasksAreAFixedNumberOfStatementsHoweverManyTasks() {
        clock.setToday(LocalDate.of(2025, 3, 10));
        String small = plan(Map.of());
        task(small, "单个任务", List.of("nmg.zjt"), List.of("nmg.gat"), null);
        String large = plan(Map.of());
        for (int i = 0; i < 8; i++) {
            String task = task(large, "多个任务 " + i, List.of("nmg.zjt"), List.of("nmg.gat"), i % 2 == 0 ? "MONTHLY" : null);
            Api.submit(reporter("nmg.gat"), task, "nmg.gat", i % 2 == 0 ? "2025-03" : "2025Q1", i, "进展");
        }
        String query = "query($p: ID!) { plan(id: $p) { tasks(first: 20) { edges { node { id reportingPeriods(last: 3) { period status "
                + "report { id late } } } } } } }";
        long[] statements = new long[2];
        String[] plans = { small, large };
        for (int i = 0; i < 2; i++) {
            String plan = plans[i];
            assertThat(post(viewer(), query, Map.of("p", plan)).getString("errors")).isNull();
            statements[i] = gov.planning.testing.SqlStatements.fewestOfThree(() -> post(viewer(), query, Map.of("p", plan)));
        }
        assertThat(statements[1]).as("8 tasks as for 1").isEqualTo(statements[0]);
        assertThat(statements[0]).isPositive();
    }
}
