package gov.planning.plan.cycle;

import java.time.LocalDate;
import java.util.List;

import gov.planning.plan.entity.Plan;
import gov.planning.plan.entity.ReportCadence;
import gov.planning.plan.entity.Task;

/**
 * A task's reporting cycle: its cadence (the task's own, else the plan's), the plan's due day and grace days, and
 * {@code lastDay}, the day reports stop being owed: the task's deadline (unless ongoing) or the last day of the plan's
 * period, whichever is first; null while neither is known. A plan of 2016–2020 owes nothing for 2026, and a task due
 * in June owes its June period and none after (it is then overdue, which the health and the escalation say).
 */
public record ReportingCycle(ReportCadence cadence, int dueDay, int graceDays, LocalDate lastDay) {

    public static final ReportingCycle DEFAULT = new ReportingCycle(ReportCadence.QUARTERLY, 25, 10, null);

    /**
     * {@link #lastDay} in SQL over {@code task t JOIN plan p} (LEAST ignores nulls), for the reads that must agree with
     * {@link #of}.
     */
    public static final String LAST_DAY_SQL = "LEAST(CASE WHEN t.deadline_ongoing THEN NULL ELSE t.deadline_date END,"
            + " make_date(p.period_end, 12, 31))";

    public static ReportingCycle of(Plan plan, Task task) {
        ReportCadence planCadence = plan == null || plan.reportCadence == null ? DEFAULT.cadence() : plan.reportCadence;
        LocalDate deadline = task == null || task.deadlineOngoing ? null : task.deadlineDate;
        LocalDate planEnds = plan == null || plan.periodEnd == null ? null : LocalDate.of(plan.periodEnd, 12, 31);
        LocalDate lastDay = deadline == null ? planEnds : planEnds == null || deadline.isBefore(planEnds) ? deadline : planEnds;
        return new ReportingCycle(task != null && task.reportCadence != null ? task.reportCadence : planCadence,
                plan == null ? DEFAULT.dueDay() : plan.reportDueDay, plan == null ? DEFAULT.graceDays() : plan.reportGraceDays,
                lastDay);
    }

    /**
     * The periods owed from {@code since} up to the one containing today, or the one containing {@link #lastDay} when
     * that is earlier: at most the {@code last} most recent ones, oldest first.
     */
    public List<ReportingPeriod> owed(LocalDate since, LocalDate today, int last) {
        LocalDate until = lastDay != null && lastDay.isBefore(today) ? lastDay : today;
        return ReportingPeriod.upTo(cadence, since, until, last);
    }

    public ReportingPeriod current(LocalDate today) {
        return ReportingPeriod.containing(cadence, today);
    }

    public LocalDate due(ReportingPeriod p) {
        return p.due(dueDay);
    }

    public LocalDate closes(ReportingPeriod p) {
        return p.closes(dueDay, graceDays);
    }
}
