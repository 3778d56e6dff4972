package gov.planning.plan;

import static gov.planning.testing.GraphQLClient.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * A sending of many reminders to one person (a department's 催办, a day's scan) arrives as one e-mail listing them, and
 * to one organization's IM robot as one message; a few arrive one by one. The other tests mail every reminder on its
 * own (they share a database whose scans and department 催办 cover every test's tasks); this one lowers
 * {@code planning.reminders.digest-from} to three.
 */
@QuarkusTest
@TestProfile(ReminderDigestTest.DigestFromThree.class)
class ReminderDigestTest {

    public static class DigestFromThree implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("planning.reminders.digest-from", "3");
        }
    }

    private static final String PLANNER = TestTokens.planner("nmg");
    private static final String REPORTER = FakeOrgMembers.email("reporter.gx.zjt");

    @Test
    void aDepartmentsManyRemindersArriveAsOneMailListingEveryTaskAndOneTasksReminderAsItsOwn() throws Exception {
        String run = String.valueOf(System.nanoTime());
        String plan = ReminderScanTest.publishedPlan();
        List<String> titles = List.of("汇总催办甲 " + run, "汇总催办乙 " + run, "汇总催办丙 " + run);
        List<String> tasks = titles.stream().map(title -> ReminderScanTest.task(plan, title, "gx.zjt", LocalDate.of(2031, 9, 30))).toList();
        int before = ReminderScanTest.mailsTo(REPORTER, "").size();

        JsonPath one = post(PLANNER, "mutation($task: ID!) { remindTask(taskId: $task, message: \"请报送进展\") { id } }",
                Map.of("task", tasks.get(0)));
        assertThat(one.getString("errors")).as(one.prettify()).isNull();
        List<MimeMessage> afterOne = ManualReminderTest.waitForMails(REPORTER, "", before + 1);
        assertThat(afterOne).hasSize(before + 1);
        assertThat(afterOne.get(before).getSubject()).startsWith("【催办】").contains(titles.get(0));

        JsonPath department = post(PLANNER, "mutation($org: ID!) { remindOrganization(orgId: $org, message: \"全面催办\") { id } }",
                Map.of("org", FakeOrgTree.ids("gx.zjt")));
        assertThat(department.getString("errors")).as(department.prettify()).isNull();
        int reminded = department.getList("data.remindOrganization").size();
        assertThat(reminded).isGreaterThanOrEqualTo(3);

        List<MimeMessage> afterDepartment = ManualReminderTest.waitForMails(REPORTER, "", before + 2);
        Thread.sleep(1000);
        assertThat(ReminderScanTest.mailsTo(REPORTER, "")).as("one mail for the whole department").hasSize(before + 2);
        MimeMessage digest = afterDepartment.get(before + 1);
        assertThat(digest.getSubject()).startsWith("【提醒汇总】" + reminded + " 条提醒：【催办】");
        String text = digest.getContent().toString();
        assertThat(text).contains("本次共有 " + reminded + " 条提醒", "planner.nmg 催办", "全面催办");
        for (int i = 0; i < tasks.size(); i++) {
            assertThat(text).contains(titles.get(i), "/tasks/" + tasks.get(i));
        }
        // Each reminder is in the app on its own, and its e-mail counts as sent.
        for (String task : tasks) {
            assertThat(Db.count("SELECT count(*) FROM notification WHERE task_id = ? AND username = 'reporter.gx.zjt' AND email_status = 'SENT'",
                    UUID.fromString(task))).isEqualTo(task.equals(tasks.get(0)) ? 2 : 1);
        }
    }

    @Test
    void anOrganizationsManyRemindersOfOneSendingAreOneMessageToItsRobot() throws Exception {
        String run = String.valueOf(System.nanoTime());
        String plan = ReminderScanTest.publishedPlan();
        for (String title : List.of("机器人汇总甲 " + run, "机器人汇总乙 " + run, "机器人汇总丙 " + run)) {
            ReminderScanTest.task(plan, title, "nmg.jyt", LocalDate.of(2031, 9, 30));
        }
        WebhookServerResource.failFirst.set(0);
        int before = WebhookServerResource.BODIES.size();
        String message = "请机器人汇总转告 " + run;

        JsonPath department = post(PLANNER, "mutation($org: ID!, $message: String!) { remindOrganization(orgId: $org, message: $message) { id } }",
                Map.of("org", FakeOrgTree.ids("nmg.jyt"), "message", message));
        assertThat(department.getString("errors")).as(department.prettify()).isNull();
        int reminded = department.getList("data.remindOrganization").size();
        assertThat(reminded).isGreaterThanOrEqualTo(3);

        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (WebhookServerResource.BODIES.size() == before && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        Thread.sleep(1000);
        List<String> posted = WebhookServerResource.BODIES.subList(before, WebhookServerResource.BODIES.size());
        assertThat(posted).as("one message for the whole department").hasSize(1);
        assertThat(posted.get(0)).contains("\"msgtype\":\"text\"", "【提醒汇总】" + reminded + " 条提醒", message);
        assertThat(Db.count("SELECT count(*) FROM reminder WHERE message = ? AND webhook_status = 'SENT'", message)).isEqualTo(reminded);
    }
}
