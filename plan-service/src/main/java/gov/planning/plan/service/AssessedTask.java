package gov.planning.plan.service;

import java.time.LocalDate;

import gov.planning.plan.cycle.ReportingCycle;
import gov.planning.plan.entity.Health;
import gov.planning.plan.entity.Task;

/**
 * A task with what is derived when it is read: its health today (and why), the latest reported percent and its
 * reporting cycle (from its plan); {@code reportingSince}: the plan's issue date, else the task's creation day.
 */
public record AssessedTask(Task task, HealthRule.Verdict verdict, Integer progressPercent, ReportingCycle cycle,
        LocalDate reportingSince) {

    public Health health() {
        return verdict.health();
    }
}
