package gov.planning.plan.reminder;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The Chinese title and text of a reminder as staff read it in the app and in the mail's subject and body. */
final class ReminderTexts {

    private ReminderTexts() {
    }

    record Text(String title, String body) {
    }

    static Text of(Candidate c, LocalDate today, String sentBy, String message) {
        String task = "任务" + (c.taskNumber() == null || c.taskNumber().isBlank() ? "" : " " + c.taskNumber()) + "「" + c.taskTitle() + "」";
        String thing = switch (c.about()) {
            case REPORT -> task + " " + c.what() + " 期的进度报告";
            case MILESTONE -> task + " 的节点「" + c.what() + "」";
            case DEADLINE, TASK -> task;
        };
        long days = c.due() == null ? 0 : Math.abs(ChronoUnit.DAYS.between(c.due(), today));
        return switch (c.rule()) {
            case DUE_SOON -> new Text("【即将到期】" + thing + "将于 " + c.due() + " 到期",
                    thing + (c.about() == ReminderAbout.REPORT ? "应于 " + c.due() + " 前提交" : "的完成时限为 " + c.due())
                            + "，还有 " + days + " 天，请按时完成。");
            case DUE_TODAY -> new Text("【今日到期】" + thing + "今天到期",
                    thing + (c.about() == ReminderAbout.REPORT ? "今天（" + c.due() + "）截止提交" : "今天（" + c.due() + "）到期")
                            + "，请尽快完成。");
            case OVERDUE -> new Text("【已逾期】" + thing + "已逾期 " + days + " 天",
                    thing + "已于 " + c.due() + " 到期，" + (c.about() == ReminderAbout.REPORT ? "尚未提交" : "尚未完成")
                            + "，已逾期 " + days + " 天，请尽快办理。");
            case ESCALATION -> new Text("【逾期督办】" + task + "已逾期 " + days + " 天仍未完成",
                    task + "的完成时限为 " + c.due() + "，已逾期 " + days + " 天仍未完成，请督促牵头单位办理。");
            case MANUAL -> new Text("【催办】" + task, sentBy + " 催办" + task + "：" + message);
        };
    }
}
