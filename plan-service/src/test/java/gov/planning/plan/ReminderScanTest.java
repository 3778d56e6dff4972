package gov.planning.plan;

import static gov.planning.testing.GraphQLClient.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import gov.planning.plan.cycle.OwedReport;
import gov.planning.plan.reminder.ReminderScan;
import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;

/**
 * The automatic reminders (催办): before, on and after a due date, escalation, reports owed, muted e-mail — each
 * reminder recorded and sent once, even when two scans (two replicas) run at the same time.
 */
@QuarkusTest
class ReminderScanTest {

    private static final String ADMIN = TestTokens.admin();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ReminderScan scan;

    @Inject
    FakeReportsOwed owed;

    @AfterEach
    void noReportsOwed() {
        owed.set(List.of());
    }

    static String publishedPlan() {
        String plan = Api.createPlan(ADMIN, "nmg", null);
        JsonPath published = post(ADMIN, "mutation($id: ID!) { publishPlan(id: $id) { status } }", Map.of("id", plan));
        assertThat(published.getString("errors")).isNull();
        return plan;
    }

    static String task(String plan, String title, String lead, LocalDate deadline) {
        JsonPath created = Api.createTask(ADMIN, plan, Api.task(title, List.of(lead), List.of(), deadline.toString()));
        assertThat(created.getString("errors")).isNull();
        return created.getString("data.createTask.id");
    }

    /** Two scans of the same day at once, as two replicas firing together would. */
    private void twoScansAtOnce(LocalDate day) {
        Uni.combine().all().unis(scan.scan(day), scan.scan(day)).asTuple().await().atMost(WAIT);
    }

    private void deliverTwiceAtOnce() {
        Uni.combine().all().unis(scan.deliver(), scan.deliver()).asTuple().await().atMost(WAIT);
    }

    static long reminders(String taskId, String rule, String org) {
        return Db.count("SELECT count(*) FROM reminder WHERE task_id = ? AND rule = ? AND org_id = ?", UUID.fromString(taskId), rule,
                FakeOrgTree.id(org));
    }

    static List<MimeMessage> mailsTo(String address, String subjectPart) throws Exception {
        List<MimeMessage> found = new java.util.ArrayList<>();
        for (MimeMessage m : GreenMailResource.mail.getReceivedMessages()) {
            boolean to = Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
            if (to && m.getSubject().contains(subjectPart)) {
                found.add(m);
            }
        }
        return found;
    }

    @Test
    void aDeadlineIsRemindedBeforeOnAndAfterItOnceEachEvenWithTwoScansAtOnce() throws Exception {
        String title = "供水管网改造 " + System.nanoTime();
        LocalDate due = LocalDate.of(2031, 3, 20);
        String task = task(publishedPlan(), title, "nmg.zjt", due);
        String reporter = FakeOrgMembers.email("reporter.nmg.zjt");

        twoScansAtOnce(due.minusDays(4));
        assertThat(reminders(task, "DUE_SOON", "nmg.zjt")).as("4 days before: not yet").isZero();

        twoScansAtOnce(due.minusDays(3));
        twoScansAtOnce(due.minusDays(2));
        assertThat(reminders(task, "DUE_SOON", "nmg.zjt")).isEqualTo(1);
        deliverTwiceAtOnce();
        List<MimeMessage> soon = mailsTo(reporter, title);
        assertThat(soon).hasSize(1);
        assertThat(soon.get(0).getSubject()).startsWith("【即将到期】").contains("2031-03-20");
        assertThat(soon.get(0).getContent().toString()).contains("reporter.nmg.zjt 您好", "还有 3 天");
        assertThat(mailsTo(FakeOrgMembers.email("planner.nmg.zjt"), title)).as("planners are not reminded of deadlines").isEmpty();

        twoScansAtOnce(due);
        twoScansAtOnce(due);
        twoScansAtOnce(due.plusDays(1));
        twoScansAtOnce(due.plusDays(2));
        deliverTwiceAtOnce();
        assertThat(reminders(task, "DUE_TODAY", "nmg.zjt")).isEqualTo(1);
        assertThat(reminders(task, "OVERDUE", "nmg.zjt")).isEqualTo(1);
        assertThat(mailsTo(reporter, title)).extracting(MimeMessage::getSubject)
                .hasSize(3).anyMatch(s -> s.startsWith("【今日到期】")).anyMatch(s -> s.startsWith("【已逾期】") && s.contains("1 天"));
        // A reporter without an address is notified in the app only.
        assertThat(Db.count("SELECT count(*) FROM notification WHERE task_id = ? AND username = ? AND email_status = 'NO_ADDRESS'",
                UUID.fromString(task), FakeOrgMembers.NO_ADDRESS)).isEqualTo(3);
    }

    @Test
    void aCompletedTaskIsNotReminded() {
        String title = "已完成任务 " + System.nanoTime();
        LocalDate due = LocalDate.of(2031, 4, 10);
        String task = task(publishedPlan(), title, "nmg.zjt", due);
        assertThat(Api.setStatus(ADMIN, task, Api.version(task), "COMPLETED").getString("errors")).isNull();

        scan.scan(due).await().atMost(WAIT);
        scan.scan(due.plusDays(10)).await().atMost(WAIT);

        assertThat(Db.count("SELECT count(*) FROM reminder WHERE task_id = ?", UUID.fromString(task))).isZero();
    }

    @Test
    void anOverdueTaskEscalatesAfterTheConfiguredDaysToTheLeadAndIssuerPlanners() throws Exception {
        String title = "逾期督办任务 " + System.nanoTime();
        LocalDate due = LocalDate.of(2031, 5, 10);
        String task = task(publishedPlan(), title, "nmg.gat", due);

        twoScansAtOnce(due.plusDays(6));
        assertThat(Db.count("SELECT count(*) FROM reminder WHERE task_id = ? AND rule = 'ESCALATION'", UUID.fromString(task))).isZero();

        twoScansAtOnce(due.plusDays(7));
        twoScansAtOnce(due.plusDays(8));
        deliverTwiceAtOnce();
        assertThat(reminders(task, "ESCALATION", "nmg.gat")).as("the lead").isEqualTo(1);
        assertThat(reminders(task, "ESCALATION", "nmg")).as("the issuer's supervision office").isEqualTo(1);
        assertThat(mailsTo(FakeOrgMembers.email("planner.nmg"), title)).extracting(MimeMessage::getSubject)
                .containsExactly(mailsTo(FakeOrgMembers.email("planner.nmg"), title).get(0).getSubject())
                .allMatch(s -> s.startsWith("【逾期督办】") && s.contains("已逾期 7 天"));
        assertThat(mailsTo(FakeOrgMembers.email("planner.nmg.gat"), title)).hasSize(1);
        assertThat(mailsTo(FakeOrgMembers.email("reporter.nmg.gat"), "【逾期督办】" )).noneMatch(m -> {
            try {
                return m.getSubject().contains(title);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void reportsOwedAreRemindedUntilReportedAndOnlyTheUnreportedOnes() throws Exception {
        String title = "季度填报任务 " + System.nanoTime();
        String plan = publishedPlan();
        String task = task(plan, title, "nmg.fgw", LocalDate.of(2035, 12, 31));
        LocalDate due = LocalDate.of(2031, 6, 25);
        owed.set(List.of(
                new OwedReport(UUID.fromString(task), UUID.fromString(plan), "1", title, FakeOrgTree.id("nmg.fgw"), "2031Q2", due,
                        due.plusDays(10), false),
                new OwedReport(UUID.fromString(task), UUID.fromString(plan), "1", title, FakeOrgTree.id("nmg.jyt"), "2031Q2", due,
                        due.plusDays(10), true)));

        twoScansAtOnce(due.minusDays(1));
        deliverTwiceAtOnce();

        assertThat(reminders(task, "DUE_SOON", "nmg.fgw")).isEqualTo(1);
        assertThat(reminders(task, "DUE_SOON", "nmg.jyt")).as("already reported").isZero();
        List<MimeMessage> mails = mailsTo(FakeOrgMembers.email("reporter.nmg.fgw"), title);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).contains("2031Q2 期的进度报告");
        JsonPath onTask = post(ADMIN, "query($id: ID!) { task(id: $id) { reminders { rule about period due sentBy org { id } recipients } } }",
                Map.of("id", task));
        assertThat(onTask.getString("errors")).isNull();
        assertThat(onTask.getList("data.task.reminders.period")).containsExactly("2031Q2");
        assertThat(onTask.getList("data.task.reminders.sentBy")).containsExactly("system");
        assertThat(onTask.getList("data.task.reminders[0].recipients")).containsExactlyInAnyOrder("reporter.nmg.fgw");
    }

    @Test
    void aMutedEmailCategoryStillNotifiesInTheAppButSendsNoMail() throws Exception {
        String reporter = TestTokens.reporter("nmg.jyt");
        JsonPath muted = post(reporter, "mutation { setNotificationEmailMuted(category: DUE_TODAY, muted: true) { category emailMuted } }");
        assertThat(muted.getString("errors")).isNull();
        assertThat(muted.getBoolean("data.setNotificationEmailMuted.emailMuted")).isTrue();
        String title = "静音测试 " + System.nanoTime();
        LocalDate due = LocalDate.of(2031, 7, 15);
        String task = task(publishedPlan(), title, "nmg.jyt", due);

        try {
            scan.scan(due.minusDays(1)).await().atMost(WAIT);
            scan.scan(due).await().atMost(WAIT);
            scan.deliver().await().atMost(WAIT);

            List<String> inApp = post(reporter, "{ notifications(first: 500) { edges { node { title category emailStatus } } } }")
                    .getList("data.notifications.edges.node.title");
            assertThat(inApp.stream().filter(t -> t.contains(title))).hasSize(2);
            assertThat(mailsTo(FakeOrgMembers.email("reporter.nmg.jyt"), title)).extracting(MimeMessage::getSubject)
                    .singleElement().asString().startsWith("【即将到期】");
            assertThat(Db.count("SELECT count(*) FROM notification WHERE task_id = ? AND category = 'DUE_TODAY' AND email_status = 'MUTED'",
                    UUID.fromString(task))).isEqualTo(1);
            assertThat(post(reporter, "{ notificationPreferences { category emailMuted } }").getList("data.notificationPreferences.findAll { it.emailMuted }.category"))
                    .containsExactly("DUE_TODAY");
        } finally {
            post(reporter, "mutation { setNotificationEmailMuted(category: DUE_TODAY, muted: false) { emailMuted } }");
        }
    }
}
