package gov.planning.plan.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.planning.plan.entity.Milestone;
import gov.planning.plan.entity.Task;
import gov.planning.plan.entity.TaskOrg;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/**
 * Tasks with their parts: the organizations (task_org) and milestones are written only with their task, so they have no
 * repository of their own (docs/decisions/0012). Lists of many tasks are SQL in the list classes, not here.
 */
@ApplicationScoped
public class TaskRepository implements PanacheRepositoryBase<Task, UUID> {

    public Uni<Long> countInPlan(UUID planId) {
        return count("planId", planId);
    }

    /** Every task of the plan; the database deletes their organizations, milestones and reports with them. */
    public Uni<Long> deleteInPlan(UUID planId) {
        return delete("planId", planId);
    }

    /** The task's organizations in document order. */
    public Uni<List<TaskOrg>> orgsOf(UUID taskId) {
        return getSession().chain(s -> s.createSelectionQuery("from TaskOrg where taskId = ?1 order by position", TaskOrg.class)
                .setParameter(1, taskId).getResultList());
    }

    /** New tasks with their organizations and milestones, inserted in that order. */
    public Uni<Void> persist(List<Task> tasks, List<TaskOrg> orgs, List<Milestone> milestones) {
        return getSession().chain(s -> s.persistAll(tasks.toArray()).chain(() -> s.persistAll(orgs.toArray()))
                .chain(() -> s.persistAll(milestones.toArray())));
    }

    /** Replaces a task's organizations: the old rows go first, as the new ones may reuse their keys. */
    public Uni<Void> replaceOrgs(List<TaskOrg> current, List<TaskOrg> next) {
        return getSession().chain(s -> s.removeAll(current.toArray()).chain(s::flush)
                .chain(() -> s.persistAll(next.toArray())).chain(s::flush));
    }
}
