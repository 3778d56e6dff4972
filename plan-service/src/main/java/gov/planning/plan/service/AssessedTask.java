package gov.planning.plan.service;

import gov.planning.plan.entity.Health;
import gov.planning.plan.entity.Task;

/** A task with what is derived when it is read: its health today (and why) and the latest reported percent. */
public record AssessedTask(Task task, HealthRule.Verdict verdict, Integer progressPercent) {

    public Health health() {
        return verdict.health();
    }
}
