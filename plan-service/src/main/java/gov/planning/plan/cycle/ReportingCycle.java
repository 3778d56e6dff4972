package gov.planning.plan.cycle;

import java.time.LocalDate;

import gov.planning.plan.entity.Plan;
import gov.planning.plan.entity.ReportCadence;
import gov.planning.plan.entity.Task;

/** A task's reporting cycle: its cadence (the task's own, else the plan's), the plan's due day and grace days. */
public record ReportingCycle(ReportCadence cadence, int dueDay, int graceDays) {

    public static final ReportingCycle DEFAULT = new ReportingCycle(ReportCadence.QUARTERLY, 25, 10);

    public static ReportingCycle of(Plan plan, Task task) {
        ReportCadence planCadence = plan == null || plan.reportCadence == null ? DEFAULT.cadence() : plan.reportCadence;
        return new ReportingCycle(task != null && task.reportCadence != null ? task.reportCadence : planCadence,
                plan == null ? DEFAULT.dueDay() : plan.reportDueDay, plan == null ? DEFAULT.graceDays() : plan.reportGraceDays);
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
