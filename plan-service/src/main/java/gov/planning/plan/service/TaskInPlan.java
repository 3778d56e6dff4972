package gov.planning.plan.service;

import java.util.List;
import java.util.UUID;

import gov.planning.common.error.NotFoundException;
import gov.planning.plan.entity.Plan;
import gov.planning.plan.entity.Task;
import gov.planning.plan.entity.TaskOrg;
import gov.planning.plan.entity.TaskRole;
import gov.planning.plan.repository.PlanRepository;
import gov.planning.plan.repository.TaskRepository;
import io.smallrye.mutiny.Uni;

/**
 * A task with its plan and organizations (in document order), as a write's checks read it before the transaction and
 * the write reads it again inside ({@link AsChecked}).
 */
public record TaskInPlan(Task task, Plan plan, List<TaskOrg> orgs) {

    public List<UUID> leads() {
        return orgs.stream().filter(o -> o.role == TaskRole.LEAD).map(o -> o.orgId).toList();
    }

    public List<UUID> cooperating() {
        return orgs.stream().filter(o -> o.role == TaskRole.COOPERATING).map(o -> o.orgId).toList();
    }

    /** In the current session; NOT_FOUND for an unknown task and for a task of a hidden plan ({@link PlanRepository#findVisible}). */
    public static Uni<TaskInPlan> read(PlanRepository plans, TaskRepository tasks, UUID id) {
        return tasks.findById(id).chain(task -> {
            if (task == null) {
                throw new NotFoundException("task " + id + " does not exist");
            }
            return plans.findVisible(task.planId).chain(plan -> {
                if (plan == null) {
                    throw new NotFoundException("task " + id + " does not exist");
                }
                return tasks.orgsOf(id).map(orgs -> new TaskInPlan(task, plan, orgs));
            });
        });
    }
}
