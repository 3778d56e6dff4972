package gov.planning.plan.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


import gov.planning.common.api.Ids;
import gov.planning.common.audit.AuditEvent;
import gov.planning.common.audit.AuditSnapshot;
import gov.planning.common.audit.AuditTrail;
import gov.planning.common.api.Texts;
import gov.planning.common.error.BadUserInputException;
import gov.planning.common.error.ConflictException;
import gov.planning.common.error.InputValidator;
import gov.planning.common.security.Caller;
import gov.planning.common.security.PlatformRole;
import gov.planning.plan.audit.Snapshots;
import gov.planning.plan.entity.Milestone;
import gov.planning.plan.entity.Plan;
import gov.planning.plan.entity.ReportCadence;
import gov.planning.plan.entity.Task;
import gov.planning.plan.entity.TaskOrg;
import gov.planning.plan.entity.TaskRole;
import gov.planning.plan.entity.TaskStatus;
import gov.planning.orgclient.OrganizationTree;
import gov.planning.plan.repository.PlanRepository;
import gov.planning.plan.repository.SectionRepository;
import gov.planning.plan.repository.TaskRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Writes on tasks: assigning them (the plan's planners) and steering them (the lead side). Each write checks the caller
 * (docs/domain.md §4, {@link Permissions}) and the input before it changes anything, the checks that ask org-service
 * before its transaction opens ({@link AsChecked}), and appends its audit entry in the same transaction, so a refused
 * or failed write leaves neither data nor log behind.
 */
@ApplicationScoped
public class TaskService {

    @Inject
    PlanRepository plans;

    @Inject
    SectionRepository sections;

    @Inject
    TaskRepository tasks;

    @Inject
    Permissions permissions;

    @Inject
    OrganizationTree organizations;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    @Inject
    InputValidator validator;

    @Inject
    Clock clock;

    public Uni<Task> create(UUID planId, NewTask input) {
        caller.requireAnyRole("assign tasks", PlatformRole.ADMIN, PlatformRole.PLANNER);
        validator.check(input);
        List<UUID> leads = orgIds("leadOrgIds", input.leadOrgIds());
        List<UUID> cooperating = orgIds("cooperatingOrgIds", input.cooperatingOrgIds());
        requireDisjoint(leads, cooperating);
        boolean ongoing = Boolean.TRUE.equals(input.ongoing());
        if (ongoing && input.deadline() != null) {
            throw new BadUserInputException("deadline: an ongoing task (长期坚持) has no deadline date, was " + input.deadline());
        }
        UUID sectionId = input.sectionId() == null ? null : Ids.parse("sectionId", input.sectionId());
        return permissions.manageablePlan(planId, "assign tasks in plan " + planId)
                .invoke(plan -> requireDeadlineInPlan(plan, input.deadline()))
                .call(() -> requireExisting(leads, cooperating))
                .chain(checked -> writeTask(checked, sectionId, leads, cooperating, ongoing, input));
    }

    @WithTransaction
    Uni<Task> writeTask(Plan checked, UUID sectionId, List<UUID> leads, List<UUID> cooperating, boolean ongoing, NewTask input) {
        UUID planId = checked.id;
        return AsChecked.plan(plans, checked)
                .invoke(plan -> requireDeadlineInPlan(plan, input.deadline()))
                .call(plan -> requireSectionOf(plan, sectionId))
                .chain(plan -> tasks.countInPlan(planId).chain(count -> {
                    Instant now = clock.instant();
                    Task task = new Task();
                    task.id = UUID.randomUUID();
                    task.planId = planId;
                    task.sectionId = sectionId;
                    task.number = blankToNull(input.number());
                    task.position = count.intValue();
                    task.title = Texts.required("input.title", input.title());
                    task.description = blankToNull(input.description());
                    task.deadlineDate = input.deadline();
                    task.deadlineOngoing = ongoing;
                    task.deadlineText = blankToNull(input.deadlineText());
                    task.status = TaskStatus.NOT_STARTED;
                    task.reportCadence = input.reportCadence();
                    task.createdBy = caller.username();
                    task.createdAt = now;
                    task.updatedAt = now;
                    List<TaskOrg> orgs = taskOrgs(task.id, leads, cooperating);
                    List<Milestone> milestones = new ArrayList<>();
                    List<NewMilestone> given = input.milestones() == null ? List.of() : input.milestones();
                    for (int i = 0; i < given.size(); i++) {
                        Milestone m = new Milestone();
                        m.id = UUID.randomUUID();
                        m.taskId = task.id;
                        m.dueDate = given.get(i).dueDate();
                        m.description = Texts.required("input.milestones[" + i + "].description", given.get(i).description());
                        m.position = i;
                        milestones.add(m);
                    }
                    return tasks.persist(List.of(task), orgs, milestones).replaceWith(task)
                            .call(() -> audit.append(AuditEvent.of(caller.username(), "CREATE", null, Snapshots.of(task, orgs, milestones))));
                }));
    }

    /**
     * Changes what is given (null: unchanged). {@code version} is the one the client read: a different current version
     * is CONFLICT, and so is a concurrent write that commits first (the {@code @Version} check at flush).
     * Status is "steering" (lead side); deadline and organizations are "assigning" (the plan's planners).
     */
    public Uni<Task> update(UUID id, int version, TaskStatus status, LocalDate deadline, List<String> leadOrgIds,
            List<String> cooperatingOrgIds, ReportCadence reportCadence, boolean cadenceFromPlan) {
        caller.requireAnyRole("change a task", PlatformRole.ADMIN, PlatformRole.PLANNER, PlatformRole.REPORTER);
        List<UUID> leads = leadOrgIds == null ? null : orgIds("leadOrgIds", leadOrgIds);
        List<UUID> cooperating = cooperatingOrgIds == null ? null : orgIds("cooperatingOrgIds", cooperatingOrgIds);
        if (leads != null && leads.isEmpty()) {
            throw new BadUserInputException("leadOrgIds: a task needs at least one lead organization");
        }
        if (reportCadence != null && cadenceFromPlan) {
            throw new BadUserInputException("reportCadence: give either reportCadence or reportCadenceFromPlan: true, not both");
        }
        boolean assigning = deadline != null || leads != null || cooperating != null || reportCadence != null || cadenceFromPlan;
        if (status == null && !assigning) {
            // Refused rather than applied: an empty update would still take a new version and an audit entry.
            throw new BadUserInputException("updateTask: give at least one of status, deadline, leadOrgIds, cooperatingOrgIds, "
                    + "reportCadence, reportCadenceFromPlan");
        }
        return Panache.withSession(() -> TaskInPlan.read(plans, tasks, id)).chain(checked -> {
            Task task = checked.task();
            if (task.version != version) {
                throw staleVersion(task, version);
            }
            requireDisjoint(leads == null ? checked.leads() : leads, cooperating == null ? checked.cooperating() : cooperating);
            return (status == null ? Uni.createFrom().voidItem()
                    : permissions.requireSteerTask("change the status of task " + id, checked.leads()))
                    .chain(() -> !assigning ? Uni.createFrom().voidItem()
                            : permissions.requireManagePlan("assign task " + id, checked.plan()))
                    .invoke(() -> requireDeadlineInPlan(checked.plan(), deadline))
                    .chain(() -> requireExisting(leads == null ? List.of() : leads, cooperating == null ? List.of() : cooperating))
                    .chain(() -> writeUpdate(checked, version, status, deadline, leads, cooperating, reportCadence, cadenceFromPlan));
        });
    }

    @WithTransaction
    Uni<Task> writeUpdate(TaskInPlan checked, int version, TaskStatus status, LocalDate deadline, List<UUID> leads,
            List<UUID> cooperating, ReportCadence reportCadence, boolean cadenceFromPlan) {
        UUID id = checked.task().id;
        return TaskInPlan.read(plans, tasks, id).chain(current -> {
            Task task = current.task();
            if (task.version != version) {
                throw staleVersion(task, version);
            }
            AsChecked.orgs(id, checked.orgs(), current.orgs());
            Plan plan = AsChecked.plan(checked.plan(), current.plan());
            requireDeadlineInPlan(plan, deadline);
            List<TaskOrg> currentOrgs = current.orgs();
            List<UUID> newLeads = leads == null ? current.leads() : leads;
            List<UUID> newCooperating = cooperating == null ? current.cooperating() : cooperating;
            AuditSnapshot before = Snapshots.of(task, currentOrgs, null);
            if (status != null) {
                task.status = status;
            }
            if (deadline != null) {
                task.deadlineDate = deadline;
                task.deadlineOngoing = false;
                task.deadlineText = null;
            }
            if (reportCadence != null || cadenceFromPlan) {
                task.reportCadence = reportCadence;
            }
            // Always dirty, so every update takes the optimistic lock, even one that changes only
            // the organizations (which live in another table).
            task.updatedAt = clock.instant();
            List<TaskOrg> orgs = taskOrgs(id, newLeads, newCooperating);
            Uni<Void> replaceOrgs = leads == null && cooperating == null ? Uni.createFrom().voidItem()
                    : tasks.replaceOrgs(currentOrgs, orgs);
            return flushOrConflict(task, version)
                    .chain(() -> replaceOrgs)
                    .chain(() -> audit.append(AuditEvent.of(caller.username(), "UPDATE", before, Snapshots.of(task, orgs, null))))
                    .replaceWith(task);
        });
    }

    private Uni<Void> flushOrConflict(Task task, int version) {
        return tasks.flush().onFailure(AsChecked::isStale).transform(e -> staleVersion(task, version));
    }

    private static ConflictException staleVersion(Task task, int version) {
        return new ConflictException("version: task " + task.id + " was changed meanwhile (you had version " + version
                + "); read it again and reapply your change");
    }

    private Uni<Void> requireSectionOf(Plan plan, UUID sectionId) {
        if (sectionId == null) {
            return Uni.createFrom().voidItem();
        }
        return sections.findById(sectionId).map(section -> {
            if (section == null || !section.planId.equals(plan.id)) {
                throw new BadUserInputException("sectionId: " + sectionId + " is not a section of plan " + plan.id);
            }
            return null;
        });
    }

    /** Unknown organizations are the client's error: a task must never point at an organization nobody knows. */
    private Uni<Void> requireExisting(List<UUID> leads, List<UUID> cooperating) {
        Set<UUID> all = new LinkedHashSet<>(leads);
        all.addAll(cooperating);
        if (all.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return organizations.existing(all).map(found -> {
            List<String> unknown = new ArrayList<>();
            leads.stream().filter(id -> !found.contains(id)).forEach(id -> unknown.add("leadOrgIds: unknown organization " + id));
            cooperating.stream().filter(id -> !found.contains(id)).forEach(id -> unknown.add("cooperatingOrgIds: unknown organization " + id));
            if (!unknown.isEmpty()) {
                throw new BadUserInputException(String.join("; ", unknown));
            }
            return null;
        });
    }

    /** A task cannot be due before the document that assigns it was issued. */
    private static void requireDeadlineInPlan(Plan plan, LocalDate deadline) {
        if (deadline != null && plan.issuedOn != null && deadline.isBefore(plan.issuedOn)) {
            throw new BadUserInputException("deadline: " + deadline + " is before the plan's issue date " + plan.issuedOn);
        }
    }

    private static void requireDisjoint(List<UUID> leads, List<UUID> cooperating) {
        Set<UUID> both = new HashSet<>(leads);
        both.retainAll(cooperating);
        if (!both.isEmpty()) {
            throw new BadUserInputException("cooperatingOrgIds: " + both + " already lead the task");
        }
    }

    private static List<UUID> orgIds(String field, List<String> ids) {
        if (ids == null) {
            return List.of();
        }
        List<UUID> parsed = new ArrayList<>();
        for (String id : ids) {
            UUID uuid = Ids.parse(field, id);
            if (parsed.contains(uuid)) {
                throw new BadUserInputException(field + ": organization " + uuid + " is listed twice");
            }
            parsed.add(uuid);
        }
        return parsed;
    }

    private static List<TaskOrg> taskOrgs(UUID taskId, List<UUID> leads, List<UUID> cooperating) {
        List<TaskOrg> orgs = new ArrayList<>();
        for (UUID lead : leads) {
            orgs.add(TaskOrg.of(taskId, lead, TaskRole.LEAD, orgs.size()));
        }
        for (UUID other : cooperating) {
            orgs.add(TaskOrg.of(taskId, other, TaskRole.COOPERATING, orgs.size()));
        }
        return orgs;
    }

    private static String blankToNull(String text) {
        return Texts.clean(text);
    }
}
