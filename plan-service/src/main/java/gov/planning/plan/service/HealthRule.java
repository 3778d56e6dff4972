package gov.planning.plan.service;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import gov.planning.plan.cycle.ReportingPeriod;
import gov.planning.plan.entity.Health;
import gov.planning.plan.entity.HealthReasonKind;
import gov.planning.plan.entity.ReportCadence;
import gov.planning.plan.entity.TaskStatus;

/**
 * 红黄绿灯, docs/domain.md §3, as a pure function of a task's facts and "today" (so it is unit-tested without a database):
 * <ol>
 * <li>DONE when the task is COMPLETED;</li>
 * <li>RED when the deadline has passed, or a milestone is overdue and not done;</li>
 * <li>YELLOW when the deadline is at most {@value #DUE_SOON_DAYS} days away, or no report was made in the last
 * reporting period, or the reported percent is more than {@value #BEHIND_POINTS} points behind the share of time
 * elapsed between the start (the plan's issue date, else the task's creation) and the deadline;</li>
 * <li>GREEN otherwise.</li>
 * </ol>
 * An ongoing task (长期坚持) has no deadline to run late against, so only the reporting cadence applies to it.
 * <p>
 * The reporting period is one of the task's cadence ({@link ReportCadence}: the task's own, else the plan's; by default
 * the calendar quarter): "the last reporting period" is the period before today's. A report counts when it was made on
 * or after the first day of that period (a report made in the current period is newer and counts too) and was not
 * returned. A task entered after that period ended owes no report for it yet.
 */
public final class HealthRule {

    static final int DUE_SOON_DAYS = 30;
    static final int BEHIND_POINTS = 25;

    private HealthRule() {
    }

    /**
     * What health is judged on.
     *
     * @param start the day the time share is measured from (plan issue date, else task creation)
     * @param trackedSince the day the task entered the system (no report is owed for a period that ended before it)
     * @param lastReportOn the day of the latest report that was not returned, null if none
     * @param reportedPercent the percent of that report (or the latest one that gave a percent), null if none
     */
    public record Facts(TaskStatus status, LocalDate deadline, boolean ongoing, List<MilestoneFact> milestones,
            LocalDate start, LocalDate trackedSince, LocalDate lastReportOn, Integer reportedPercent, ReportCadence cadence) {

        /** The calendar quarter as cadence (the rule before reporting cycles). */
        public Facts(TaskStatus status, LocalDate deadline, boolean ongoing, List<MilestoneFact> milestones,
                LocalDate start, LocalDate trackedSince, LocalDate lastReportOn, Integer reportedPercent) {
            this(status, deadline, ongoing, milestones, start, trackedSince, lastReportOn, reportedPercent, ReportCadence.QUARTERLY);
        }
    }

    public record MilestoneFact(LocalDate dueDate, boolean done) {
    }

    public static Health of(Facts task, LocalDate today) {
        return verdict(task, today).health();
    }

    /** The health and the first rule that decided it, for a screen that says why a task is red or yellow. */
    public static Verdict verdict(Facts task, LocalDate today) {
        if (task.status() == TaskStatus.COMPLETED) {
            return new Verdict(Health.DONE, HealthReasonKind.COMPLETED, null, null);
        }
        if (task.ongoing()) {
            return reportMissing(task, today) ? noRecentReport(task) : onTrack();
        }
        if (task.deadline() != null && task.deadline().isBefore(today)) {
            return new Verdict(Health.RED, HealthReasonKind.OVERDUE, task.deadline(), (int) ChronoUnit.DAYS.between(task.deadline(), today));
        }
        LocalDate milestoneOverdue = task.milestones().stream()
                .filter(m -> !m.done() && m.dueDate() != null && m.dueDate().isBefore(today))
                .map(MilestoneFact::dueDate).min(LocalDate::compareTo).orElse(null);
        if (milestoneOverdue != null) {
            return new Verdict(Health.RED, HealthReasonKind.MILESTONE_OVERDUE, milestoneOverdue,
                    (int) ChronoUnit.DAYS.between(milestoneOverdue, today));
        }
        if (task.deadline() != null && ChronoUnit.DAYS.between(today, task.deadline()) <= DUE_SOON_DAYS) {
            return new Verdict(Health.YELLOW, HealthReasonKind.DUE_SOON, task.deadline(), (int) ChronoUnit.DAYS.between(today, task.deadline()));
        }
        if (reportMissing(task, today)) {
            return noRecentReport(task);
        }
        if (behindTime(task, today)) {
            return new Verdict(Health.YELLOW, HealthReasonKind.BEHIND_SCHEDULE, null,
                    (int) Math.round(elapsedPercent(task, today) - task.reportedPercent()));
        }
        return onTrack();
    }

    /**
     * A health and why: {@code since} is the day the reason dates from (the passed deadline, the overdue milestone's
     * due day, the last report, the coming deadline); {@code amount} the days overdue, days left, or points behind.
     */
    public record Verdict(Health health, HealthReasonKind kind, LocalDate since, Integer amount) {
    }

    private static Verdict noRecentReport(Facts task) {
        return new Verdict(Health.YELLOW, HealthReasonKind.NO_RECENT_REPORT, task.lastReportOn(), null);
    }

    private static Verdict onTrack() {
        return new Verdict(Health.GREEN, HealthReasonKind.ON_TRACK, null, null);
    }

    /** The period of {@code cadence} before {@code today}'s. */
    public static ReportingPeriod lastPeriod(ReportCadence cadence, LocalDate today) {
        return ReportingPeriod.containing(cadence, today).previous();
    }

    /** The first day of the quarter before {@code today}'s (the default cadence). */
    public static LocalDate lastPeriodStart(LocalDate today) {
        return lastPeriod(ReportCadence.QUARTERLY, today).start();
    }

    static boolean reportMissing(Facts task, LocalDate today) {
        ReportingPeriod last = lastPeriod(task.cadence() == null ? ReportCadence.QUARTERLY : task.cadence(), today);
        LocalDate periodStart = last.start();
        LocalDate periodEnd = last.end();
        if (task.trackedSince() != null && task.trackedSince().isAfter(periodEnd)) {
            return false;
        }
        return task.lastReportOn() == null || task.lastReportOn().isBefore(periodStart);
    }

    /** Progress is judged only when a percent was reported and both ends of the time span are known. */
    static boolean behindTime(Facts task, LocalDate today) {
        if (task.reportedPercent() == null || task.deadline() == null || task.start() == null
                || !task.deadline().isAfter(task.start())) {
            return false;
        }
        return elapsedPercent(task, today) - task.reportedPercent() > BEHIND_POINTS;
    }

    private static double elapsedPercent(Facts task, LocalDate today) {
        double total = ChronoUnit.DAYS.between(task.start(), task.deadline());
        double elapsed = Math.max(0, Math.min(total, ChronoUnit.DAYS.between(task.start(), today)));
        return 100.0 * elapsed / total;
    }
}
