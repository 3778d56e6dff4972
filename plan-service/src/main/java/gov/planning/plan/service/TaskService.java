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
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;

import gov.planning.common.api.Ids;
import gov.planning.common.api.Texts;
import gov.planning.common.audit.AuditEvent;
import gov.planning.common.audit.AuditSnapshot;
import gov.planning.common.audit.AuditTrail;
import gov.planning.common.error.BadUserInputException;
import gov.planning.common.error.ConflictException;
import gov.planning.common.error.ForbiddenException;
import gov.planning.common.error.InputValidator;
import gov.planning.common.error.NotFoundException;
import gov.planning.common.security.Caller;
import gov.planning.common.security.PlatformRole;
import gov.planning.plan.audit.Snapshots;
import gov.planning.plan.cycle.ReportingCycle;
import gov.planning.plan.cycle.ReportingPeriod;
import gov.planning.plan.entity.Milestone;
import gov.planning.plan.entity.Plan;
import gov.planning.plan.entity.ProgressReport;
import gov.planning.plan.entity.ReportCadence;
import gov.planning.plan.entity.ReportStatus;
import gov.planning.plan.entity.ReportingReopening;
import gov.planning.plan.entity.Section;
import gov.planning.plan.entity.Task;
import gov.planning.plan.entity.TaskOrg;
import gov.planning.plan.entity.TaskRole;
import gov.planning.plan.entity.TaskStatus;
import gov.planning.orgclient.OrganizationTree;
import gov.planning.plan.repository.PlanRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Writes on outlines, tasks and progress reports. Each write checks the caller (docs/domain.md §4, {@link Permissions})
 * and the input before it changes anything, and appends its audit entry in the same transaction, so a refused or
 * failed write leaves neither data nor log behind.
 */
@ApplicationScoped
public class TaskService {

    @Inject
    PlanRepository plans;

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

    @WithTransaction
    public Uni<Section> createSection(UUID planId, NewSection input) {
        caller.requireAnyRole("add to a plan's outline", PlatformRole.ADMIN, PlatformRole.PLANNER);
        validator.check(input);
        UUID parentId = input.parentId() == null ? null : Ids.parse("parentId", input.parentId());
        return plan(planId).chain(plan -> permissions.requireManagePlan("edit plan " + plan.id, plan))
                .chain(() -> parentId == null ? Uni.createFrom().nullItem() : Section.<Section>findById(parentId))
                .chain(parent -> {
                    if (parentId != null && (parent == null || !parent.planId.equals(planId))) {
                        throw new BadUserInputException("parentId: " + parentId + " is not a section of plan " + planId);
                    }
                    Section section = new Section();
                    section.id = UUID.randomUUID();
                    section.planId = planId;
                    section.parentId = parentId;
                    section.number = blankToNull(input.number());
                    section.heading = Texts.required("input.heading", input.heading());
                    section.level = parent == null ? 1 : parent.level + 1;
                    if (section.level > 10) {
                        throw new BadUserInputException("parentId: an outline nests at most 10 levels");
                    }
                    return Section.count("planId", planId).chain(count -> {
                        section.position = count.intValue();
                        return section.<Section>persist();
                    });
                })
                .call(section -> audit.append(AuditEvent.of(caller.username(), "CREATE", null, Snapshots.of(section))));
    }

    @WithTransaction
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
        return plan(planId)
                .call(plan -> permissions.requireManagePlan("assign tasks in plan " + plan.id, plan))
                .invoke(plan -> requireDeadlineInPlan(plan, input.deadline()))
                .call(plan -> requireSectionOf(plan, sectionId))
                .call(() -> requireExisting(leads, cooperating))
                .chain(plan -> Task.count("planId", planId).chain(count -> {
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
                    return task.<Task>persist()
                            .call(() -> Panache.getSession().chain(s -> s.persistAll(orgs.toArray()).chain(() -> s.persistAll(milestones.toArray()))))
                            .call(() -> audit.append(AuditEvent.of(caller.username(), "CREATE", null,
                                    Snapshots.of(task, orgs, milestones))));
                }));
    }

    /**
     * Changes what is given (null: unchanged). {@code version} is the one the client read: a different current version
     * is CONFLICT, and so is a concurrent write that commits first (the {@code @Version} check at flush).
     * Status is "steering" (lead side); deadline and organizations are "assigning" (the plan's planners).
     */
    @WithTransaction
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
        return task(id).chain(task -> {
            if (task.version != version) {
                throw staleVersion(task, version);
            }
            return TaskOrg.<TaskOrg>list("taskId = ?1 order by position", id).chain(currentOrgs -> {
                List<UUID> currentLeads = currentOrgs.stream().filter(o -> o.role == TaskRole.LEAD).map(o -> o.orgId).toList();
                List<UUID> currentCooperating = currentOrgs.stream().filter(o -> o.role == TaskRole.COOPERATING).map(o -> o.orgId).toList();
                List<UUID> newLeads = leads == null ? currentLeads : leads;
                List<UUID> newCooperating = cooperating == null ? currentCooperating : cooperating;
                requireDisjoint(newLeads, newCooperating);
                return plans.findById(task.planId)
                        .call(plan -> status == null ? Uni.createFrom().voidItem()
                                : permissions.requireSteerTask("change the status of task " + id, currentLeads))
                        .call(plan -> !assigning ? Uni.createFrom().voidItem()
                                : permissions.requireManagePlan("assign task " + id, plan))
                        .invoke(plan -> requireDeadlineInPlan(plan, deadline))
                        .call(() -> requireExisting(leads == null ? List.of() : leads, cooperating == null ? List.of() : cooperating))
                        .chain(plan -> {
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
                                    : Panache.getSession().chain(s -> s.removeAll(currentOrgs.toArray()).chain(s::flush)
                                            .chain(() -> s.persistAll(orgs.toArray())).chain(s::flush));
                            return flushOrConflict(task, version)
                                    .chain(() -> replaceOrgs)
                                    .chain(() -> audit.append(AuditEvent.of(caller.username(), "UPDATE", before,
                                            Snapshots.of(task, orgs, null))))
                                    .replaceWith(task);
                        });
            });
        });
    }

    /**
     * A report for one period of the task's cadence ({@link ReportingPeriod}): refused (BAD_USER_INPUT) when the period
     * is not a code of that cadence or has not begun; refused (CONFLICT) when the organization's report for it is open
     * (SUBMITTED) or approved (the period is locked until reopened); after the due date accepted as {@code late} until
     * the window closes, then refused (FORBIDDEN) unless the approver side reopened the period for the organization.
     */
    @WithTransaction
    public Uni<ProgressReport> submitReport(UUID taskId, UUID orgId, NewReport input) {
        caller.requireAnyRole("submit a progress report", PlatformRole.ADMIN, PlatformRole.PLANNER, PlatformRole.REPORTER);
        validator.check(input);
        String period = Texts.required("period", input.period());
        String summary = Texts.required("summary", input.summary());
        return task(taskId).chain(task -> plans.findById(task.planId).chain(plan -> TaskOrg.<TaskOrg>list("taskId", taskId).chain(orgs -> {
            ReportingCycle cycle = ReportingCycle.of(plan, task);
            ReportingPeriod asked = requirePeriod(cycle, period);
            LocalDate today = LocalDate.now(clock);
            if (today.isBefore(asked.opens())) {
                throw new BadUserInputException("period: " + period + "（" + asked.label() + "）尚未开始，" + asked.opens()
                        + " 起才能填报 (period " + period + " opens on " + asked.opens() + ")");
            }
            return requireResponsible(taskId, orgId, orgs).chain(() -> permissions.requireReportFor("report on task " + taskId + " for organization " + orgId, orgId))
                    .chain(() -> ProgressReport.<ProgressReport>list("taskId = ?1 and orgId = ?2 and period = ?3 and status <> ?4",
                            taskId, orgId, period, ReportStatus.RETURNED))
                    .chain(open -> {
                        if (open.stream().anyMatch(r -> r.status == ReportStatus.APPROVED)) {
                            throw new ConflictException("period: " + period + "（" + asked.label() + "）的填报已审核通过并锁定；"
                                    + "如需修改，请审核方（管理员或牵头单位的规划人员）重新开放该期间 (the period is locked by an approved "
                                    + "report; reopenReportingPeriod reopens it)");
                        }
                        if (!open.isEmpty()) {
                            throw new ConflictException("period: a report for this task, organization and period ("
                                    + period + ") is already open; a new one is possible once it is returned");
                        }
                        LocalDate closes = cycle.closes(asked);
                        Uni<Boolean> reopened = !today.isAfter(closes) ? Uni.createFrom().item(false)
                                : ReportingReopening.count("taskId = ?1 and orgId = ?2 and period = ?3 and openUntil >= ?4",
                                        taskId, orgId, period, today).map(n -> n > 0);
                        return reopened.chain(isReopened -> {
                            if (today.isAfter(closes) && !isReopened) {
                                throw new ForbiddenException("period: " + period + "（" + asked.label() + "）的填报窗口已于 " + closes
                                        + " 关闭；如需补报，请审核方（管理员或牵头单位的规划人员）重新开放该期间 (the reporting window "
                                        + "closed on " + closes + "; reopenReportingPeriod reopens it)");
                            }
                            ProgressReport report = new ProgressReport();
                            report.id = UUID.randomUUID();
                            report.taskId = taskId;
                            report.orgId = orgId;
                            report.period = period;
                            report.percent = input.percent();
                            report.summary = summary;
                            report.problems = blankToNull(input.problems());
                            report.nextSteps = blankToNull(input.nextSteps());
                            report.reportedBy = caller.username();
                            report.reportedAt = clock.instant();
                            report.late = today.isAfter(cycle.due(asked));
                            report.status = ReportStatus.SUBMITTED;
                            return report.<ProgressReport>persist()
                                    .call(() -> audit.append(AuditEvent.of(caller.username(), "SUBMIT", null,
                                            Snapshots.of(report))));
                        });
                    });
        })));
    }

    /**
     * An organization that is not on the task itself may still report in its own name when it acts for one that is (a
     * member of a lead collective: each of 12 盟市 reports separately, so one member's report does not block the others'
     * for the period; the successor of a lead replaced in a reform). Only then is org-service asked.
     */
    private Uni<Void> requireResponsible(UUID taskId, UUID orgId, List<TaskOrg> orgs) {
        Set<UUID> onTask = orgs.stream().map(o -> o.orgId).collect(Collectors.toSet());
        Uni<Boolean> allowed = onTask.contains(orgId) ? Uni.createFrom().item(true)
                : organizations.actingFor(Set.of(orgId)).map(acting -> acting.getOrDefault(orgId, Set.of()).stream().anyMatch(onTask::contains));
        return allowed.invoke(ok -> {
            if (!ok) {
                throw new BadUserInputException("orgId: organization " + orgId + " neither leads nor cooperates on task " + taskId
                        + ", nor acts for one that does");
            }
        }).replaceWithVoid();
    }

    /** Days a reopened period accepts reports again (also when its window had closed). */
    public static final int REOPEN_DAYS = 14;

    /**
     * Reopens a period for one organization of the task: its approved report (if any) becomes RETURNED with the reason
     * as comment, and the period accepts a report again for {@value #REOPEN_DAYS} days even after its window closed.
     * Admin, or a planner who may steer the task (its lead organization or one above); a reporter may approve but not
     * undo an approval (DHIS2's unapprove belongs to the level above). Audited on the task.
     */
    @WithTransaction
    public Uni<ReportingReopening> reopenPeriod(UUID taskId, UUID orgId, String period, String reason) {
        caller.requireAnyRole("reopen a reporting period", PlatformRole.ADMIN, PlatformRole.PLANNER);
        String why = Texts.required("reason", reason);
        if (why.length() > 2000) {
            throw new BadUserInputException("reason: size must be between 1 and 2000");
        }
        String code = Texts.required("period", period);
        return task(taskId).chain(task -> plans.findById(task.planId).chain(plan -> {
            ReportingPeriod asked = requirePeriod(ReportingCycle.of(plan, task), code);
            LocalDate today = LocalDate.now(clock);
            if (today.isBefore(asked.opens())) {
                throw new BadUserInputException("period: " + code + " has not begun; only a begun period can be reopened");
            }
            return TaskOrg.<TaskOrg>list("taskId", taskId)
                    .call(orgs -> permissions.requireSteerTask("reopen a reporting period of task " + taskId,
                            orgs.stream().filter(o -> o.role == TaskRole.LEAD).map(o -> o.orgId).toList()))
                    .call(orgs -> requireResponsible(taskId, orgId, orgs))
                    .chain(() -> ProgressReport.<ProgressReport>list("taskId = ?1 and orgId = ?2 and period = ?3 and status = ?4",
                            taskId, orgId, code, ReportStatus.APPROVED))
                    .chain(approved -> {
                        // At most one: the partial unique index allows one open report per task, organization and period.
                        List<Uni<Void>> unlocked = new ArrayList<>();
                        for (ProgressReport report : approved) {
                            AuditSnapshot before = Snapshots.of(report);
                            report.status = ReportStatus.RETURNED;
                            report.reviewComment = "重新开放：" + why;
                            report.reviewedBy = caller.username();
                            report.reviewedAt = clock.instant();
                            unlocked.add(audit.append(AuditEvent.of(caller.username(), "REOPEN", before, Snapshots.of(report))));
                        }
                        Uni<Void> unlock = unlocked.isEmpty() ? Uni.createFrom().voidItem() : unlocked.get(0);
                        ReportingReopening reopening = new ReportingReopening();
                        reopening.id = UUID.randomUUID();
                        reopening.taskId = taskId;
                        reopening.orgId = orgId;
                        reopening.period = code;
                        reopening.reason = why;
                        reopening.reopenedBy = caller.username();
                        reopening.reopenedAt = clock.instant();
                        reopening.openUntil = today.plusDays(REOPEN_DAYS);
                        return Panache.flush().onFailure(TaskService::isStale)
                                .transform(e -> new ConflictException("period: the report of " + code + " was changed meanwhile; read it again"))
                                .chain(() -> unlock)
                                .chain(() -> reopening.<ReportingReopening>persist())
                                .call(() -> audit.append(AuditEvent.of(caller.username(), "REOPEN_PERIOD", null, Snapshots.of(reopening))));
                    });
        }));
    }

    /** The period a code names in the cycle's format; else BAD_USER_INPUT with the current period as the example. */
    private ReportingPeriod requirePeriod(ReportingCycle cycle, String code) {
        ReportingPeriod asked = ReportingPeriod.parse(cycle.cadence(), code);
        if (asked == null) {
            ReportingPeriod current = cycle.current(LocalDate.now(clock));
            throw new BadUserInputException("period: 「" + code + "」不是本任务" + ReportingPeriod.cadenceLabel(cycle.cadence())
                    + "报送周期的期间代码，本期（" + current.label() + "）应写作 " + current.code() + " (period must be a "
                    + cycle.cadence() + " period code such as " + current.code() + ")");
        }
        return asked;
    }

    /** Approve or return (with a comment saying why) a SUBMITTED report; the task's lead side decides. */
    @WithTransaction
    public Uni<ProgressReport> reviewReport(UUID id, boolean approve, String comment) {
        caller.requireAnyRole("review a progress report", PlatformRole.ADMIN, PlatformRole.PLANNER, PlatformRole.REPORTER);
        String reason = blankToNull(comment);
        if (reason != null && reason.length() > 2000) {
            throw new BadUserInputException("comment: size must be between 0 and 2000");
        }
        if (!approve && reason == null) {
            throw new BadUserInputException("comment: returning a report needs a comment saying what to fix");
        }
        return ProgressReport.<ProgressReport>findById(id).chain(report -> {
            if (report == null) {
                throw new NotFoundException("progress report " + id + " does not exist");
            }
            return TaskOrg.<TaskOrg>list("taskId = ?1 and role = ?2", report.taskId, TaskRole.LEAD)
                    .map(leads -> leads.stream().map(o -> o.orgId).toList())
                    .chain(leads -> permissions.requireSteerTask("review progress report " + id, leads))
                    .chain(() -> {
                        if (report.status != ReportStatus.SUBMITTED) {
                            throw new ConflictException("progress report " + id + " was already " + report.status);
                        }
                        AuditSnapshot before = Snapshots.of(report);
                        report.status = approve ? ReportStatus.APPROVED : ReportStatus.RETURNED;
                        report.reviewComment = reason;
                        report.reviewedBy = caller.username();
                        report.reviewedAt = clock.instant();
                        return Panache.flush().onFailure(TaskService::isStale)
                                .transform(e -> new ConflictException("progress report " + id + " was reviewed by someone else meanwhile"))
                                .chain(() -> audit.append(AuditEvent.of(caller.username(), approve ? "APPROVE" : "RETURN",
                                        before, Snapshots.of(report))))
                                .replaceWith(report);
                    });
        });
    }

    private Uni<Void> flushOrConflict(Task task, int version) {
        return Panache.flush().onFailure(TaskService::isStale).transform(e -> staleVersion(task, version));
    }

    private static ConflictException staleVersion(Task task, int version) {
        return new ConflictException("version: task " + task.id + " was changed meanwhile (you had version " + version
                + "); read it again and reapply your change");
    }

    static boolean isStale(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }

    private Uni<Plan> plan(UUID planId) {
        return plans.findVisible(planId).map(plan -> {
            if (plan == null) {
                throw new NotFoundException("plan " + planId + " does not exist");
            }
            return plan;
        });
    }

    private Uni<Task> task(UUID id) {
        return Task.<Task>findById(id).map(task -> {
            if (task == null) {
                throw new NotFoundException("task " + id + " does not exist");
            }
            return task;
        });
    }

    private Uni<Void> requireSectionOf(Plan plan, UUID sectionId) {
        if (sectionId == null) {
            return Uni.createFrom().voidItem();
        }
        return Section.<Section>findById(sectionId).map(section -> {
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
