package gov.planning.plan;

import static gov.planning.testing.GraphQLClient.firstErrorCode;
import static gov.planning.testing.GraphQLClient.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import gov.planning.plan.reminder.ReminderScan;
import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** 催办 by a person, the signed-in user's notifications, and an organization's IM-robot webhook. */
@QuarkusTest
class ManualReminderTest {

    private static final String ADMIN = TestTokens.admin();
    private static final String REMIND_TASK = """
            mutation($task: ID!, $orgs: [String!], $message: String!) {
              remindTask(taskId: $task, orgIds: $orgs, message: $message) { id rule sentBy message org { id } recipients title }
            }""";

    @Inject
    ReminderScan scan;

    private static JsonPath remindTask(String token, String task, List<String> orgCodes, String message) {
        Map<String, Object> vars = new java.util.HashMap<>(Map.of("task", task, "message", message));
        if (orgCodes != null) {
            vars.put("orgs", orgCodes.stream().map(FakeOrgTree::ids).toList());
        }
        return post(token, REMIND_TASK, vars);
    }

    /** The mails to {@code address} whose subject has {@code part}, once there are {@code count}, or after 30 s those there are. */
    static List<MimeMessage> waitForMails(String address, String part, int count) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<MimeMessage> found;
        do {
            found = ReminderScanTest.mailsTo(address, part);
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < until);
        return found;
    }

    @Test
    void aPlannersReminderReachesTheDepartmentsReportersByMailAndInTheApp() throws Exception {
        String title = "手动催办 " + System.nanoTime();
        String plan = ReminderScanTest.publishedPlan();
        String task = ReminderScanTest.task(plan, title, "nmg.zjt", LocalDate.of(2031, 9, 30));
        assertThat(Api.createTask(ADMIN, plan, Api.task(title + " 配合", List.of("nmg.fgw"), List.of("nmg.zjt"), "2031-10-31"))
                .getString("errors")).isNull();

        JsonPath answer = remindTask(TestTokens.planner("nmg"), task, null, "请于本周五前报送进展");

        assertThat(answer.getString("errors")).isNull();
        assertThat(answer.getList("data.remindTask.rule")).containsExactly("MANUAL");
        assertThat(answer.getString("data.remindTask[0].sentBy")).isEqualTo("planner.nmg");
        assertThat(answer.getList("data.remindTask[0].recipients")).containsExactlyInAnyOrder("reporter.nmg.zjt", FakeOrgMembers.NO_ADDRESS);
        List<MimeMessage> mails = waitForMails(FakeOrgMembers.email("reporter.nmg.zjt"), title, 1);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).startsWith("【催办】");
        assertThat(mails.get(0).getContent().toString()).contains("planner.nmg 催办", "请于本周五前报送进展");
        assertThat(post(ADMIN, "query($id: ID!) { task(id: $id) { reminders { rule sentBy message } } }", Map.of("id", task))
                .getList("data.task.reminders.message")).containsExactly("请于本周五前报送进展");
        assertThat(Db.count("SELECT count(*) FROM audit_trail WHERE entity_id = ? AND action = 'REMIND' AND actor = 'planner.nmg'",
                UUID.fromString(task))).isEqualTo(1);
        JsonPath history = post(ADMIN, "query($id: ID!) { task(id: $id) { history { action actor changes { field after } } } }",
                Map.of("id", task));
        assertThat(history.getString("errors")).as("the task's history reads the 催办 back").isNull();
        assertThat(history.getList("data.task.history.action")).startsWith("REMIND");
        assertThat(history.getList("data.task.history[0].changes.after")).contains("请于本周五前报送进展");

        // The whole department: every open task it leads or cooperates on.
        JsonPath department = post(TestTokens.planner("nmg"), "mutation($org: ID!) { remindOrganization(orgId: $org, message: \"全面催办\") { id } }",
                Map.of("org", FakeOrgTree.ids("nmg.zjt")));
        assertThat(department.getString("errors")).isNull();
        assertThat(waitForMails(FakeOrgMembers.email("reporter.nmg.zjt"), title, 3)).hasSize(3);
    }

    @Test
    void aReporterOrViewerMayNotRemindAndNothingIsRecorded() {
        String task = ReminderScanTest.task(ReminderScanTest.publishedPlan(), "不得催办 " + System.nanoTime(), "nmg.zjt",
                LocalDate.of(2031, 9, 30));

        assertThat(firstErrorCode(remindTask(TestTokens.reporter("nmg.zjt"), task, null, "催一下"))).isEqualTo("FORBIDDEN");
        assertThat(firstErrorCode(remindTask(TestTokens.viewer(), task, null, "催一下"))).isEqualTo("FORBIDDEN");
        assertThat(firstErrorCode(remindTask(TestTokens.planner("gx"), task, null, "催一下"))).as("a planner of another province")
                .isEqualTo("FORBIDDEN");
        assertThat(firstErrorCode(post(TestTokens.reporter("nmg.zjt"), "mutation($org: ID!) { remindOrganization(orgId: $org, message: \"x\") { id } }",
                Map.of("org", FakeOrgTree.ids("nmg.zjt"))))).isEqualTo("FORBIDDEN");
        assertThat(firstErrorCode(remindTask(TestTokens.planner("nmg"), task, List.of("nmg.gat"), "催一下"))).as("not on the task")
                .isEqualTo("BAD_USER_INPUT");
        assertThat(firstErrorCode(remindTask(TestTokens.planner("nmg"), task, null, "  "))).isEqualTo("BAD_USER_INPUT");
        assertThat(Db.count("SELECT count(*) FROM reminder WHERE task_id = ?", UUID.fromString(task))).isZero();
    }

    @Test
    void notificationsAreListedCountedAndMarkedReadForTheSignedInUserOnly() {
        String reporter = TestTokens.reporter("nmg.hhht");
        String other = TestTokens.reporter("nmg.bt");
        post(reporter, "mutation { markAllNotificationsRead }");
        String task = ReminderScanTest.task(ReminderScanTest.publishedPlan(), "通知测试 " + System.nanoTime(), "nmg.hhht",
                LocalDate.of(2031, 9, 30));
        assertThat(remindTask(ADMIN, task, null, "第一次").getString("errors")).isNull();
        assertThat(remindTask(ADMIN, task, null, "第二次").getString("errors")).isNull();

        assertThat(post(reporter, "{ unreadNotificationCount }").getInt("data.unreadNotificationCount")).isEqualTo(2);
        JsonPath unread = post(reporter, "{ notifications(unread: true, first: 1) { totalCount pageInfo { hasNextPage } edges { node { id body read taskId } } } }");
        assertThat(unread.getInt("data.notifications.totalCount")).isEqualTo(2);
        assertThat(unread.getBoolean("data.notifications.pageInfo.hasNextPage")).isTrue();
        assertThat(unread.getString("data.notifications.edges[0].node.body")).contains("第二次");
        String newest = unread.getString("data.notifications.edges[0].node.id");

        assertThat(firstErrorCode(post(other, "mutation($id: ID!) { markNotificationRead(id: $id) { id } }", Map.of("id", newest))))
                .as("someone else's").isEqualTo("NOT_FOUND");
        assertThat(post(other, "{ notifications { edges { node { id } } } }").getList("data.notifications.edges.node.id")).doesNotContain(newest);

        assertThat(post(reporter, "mutation($id: ID!) { markNotificationRead(id: $id) { read } }", Map.of("id", newest))
                .getBoolean("data.markNotificationRead.read")).isTrue();
        assertThat(post(reporter, "{ unreadNotificationCount }").getInt("data.unreadNotificationCount")).isEqualTo(1);
        assertThat(post(reporter, "mutation { markAllNotificationsRead }").getInt("data.markAllNotificationsRead")).isEqualTo(1);
        assertThat(post(reporter, "{ unreadNotificationCount }").getInt("data.unreadNotificationCount")).isZero();
        assertThat(post(reporter, "{ notifications(unread: false) { totalCount } }").getInt("data.notifications.totalCount")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void anOrganizationsWebhookGetsEachReminderOnceRetriedAfterAServerError() throws Exception {
        String title = "机器人通知 " + System.nanoTime();
        String task = ReminderScanTest.task(ReminderScanTest.publishedPlan(), title, "nmg.jyt", LocalDate.of(2031, 9, 30));
        WebhookServerResource.failFirst.set(1);
        int before = WebhookServerResource.requests.get();

        assertThat(remindTask(ADMIN, task, null, "请机器人转告").getString("errors")).isNull();
        scan.deliver().await().atMost(Duration.ofSeconds(30));
        scan.deliver().await().atMost(Duration.ofSeconds(30));

        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (WebhookServerResource.BODIES.stream().noneMatch(b -> b.contains(title)) && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        List<String> posted = WebhookServerResource.BODIES.stream().filter(b -> b.contains(title)).toList();
        assertThat(posted).hasSize(1);
        assertThat(posted.get(0)).contains("\"msgtype\":\"text\"", "\"content\":\"【催办】", "请机器人转告");
        assertThat(WebhookServerResource.requests.get() - before).as("the 500, then the retry").isEqualTo(2);
        assertThat(Db.count("SELECT count(*) FROM reminder WHERE task_id = ? AND webhook_status = 'SENT'", UUID.fromString(task))).isEqualTo(1);
    }
}
