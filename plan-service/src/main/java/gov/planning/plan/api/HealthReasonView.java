package gov.planning.plan.api;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import gov.planning.plan.entity.HealthReasonKind;
import gov.planning.plan.service.HealthRule;

/** Why a task has its health, for a screen that says why it is red or yellow. */
@Type("HealthReason")
@Name("HealthReason")
@Description("Why a task has its health. `since`: the passed deadline, the overdue milestone's due day, the last "
        + "report (null: never reported) or the coming deadline; `days`: days overdue or days left; `pointsBehind`: "
        + "how far the reported percent trails the time elapsed; `text`: the same in a Chinese sentence.")
public record HealthReasonView(@NonNull HealthReasonKind kind, LocalDate since, Integer days, Integer pointsBehind,
        @NonNull String text) {

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    static HealthReasonView of(HealthRule.Verdict verdict) {
        LocalDate since = verdict.since();
        Integer amount = verdict.amount();
        return switch (verdict.kind()) {
            case COMPLETED -> new HealthReasonView(verdict.kind(), null, null, null, "任务已完成");
            case OVERDUE -> new HealthReasonView(verdict.kind(), since, amount, null,
                    "已超过完成时限（" + day(since) + "）" + amount + "天");
            case MILESTONE_OVERDUE -> new HealthReasonView(verdict.kind(), since, amount, null,
                    "有阶段性成果逾期未完成（应于" + day(since) + "完成，已逾期" + amount + "天）");
            case DUE_SOON -> new HealthReasonView(verdict.kind(), since, amount, null,
                    "距完成时限（" + day(since) + "）还有" + amount + "天");
            case NO_RECENT_REPORT -> new HealthReasonView(verdict.kind(), since, null, null,
                    since == null ? "上一报告期未填报进度（从未填报）" : "上一报告期未填报进度（最近一次填报：" + day(since) + "）");
            case BEHIND_SCHEDULE -> new HealthReasonView(verdict.kind(), null, null, amount,
                    "填报进度落后时间进度" + amount + "个百分点");
            case ON_TRACK -> new HealthReasonView(verdict.kind(), null, null, null, "按计划推进");
        };
    }

    private static String day(LocalDate date) {
        return date.format(CHINESE_DATE);
    }
}
