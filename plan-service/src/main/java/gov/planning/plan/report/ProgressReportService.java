package gov.planning.plan.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import gov.planning.common.audit.AuditEvent;
import gov.planning.common.audit.AuditSnapshot;
import gov.planning.common.audit.AuditTrail;
import gov.planning.common.api.Texts;
import gov.planning.common.error.BadUserInputException;
import gov.planning.common.error.ConflictException;
import gov.planning.common.error.ForbiddenException;
import gov.planning.common.error.InputValidator;
import gov.planning.common.error.NotFoundException;
import gov.planning.common.security.Caller;
import gov.planning.common.security.PlatformRole;
import gov.planning.orgclient.OrganizationTree;
import gov.planning.plan.audit.Snapshots;
import gov.planning.plan.cycle.ReportingCycle;
import gov.planning.plan.cycle.ReportingPeriod;
import gov.planning.plan.entity.ProgressReport;
import gov.planning.plan.entity.ReportStatus;
import gov.planning.plan.entity.ReportingReopening;
import gov.planning.plan.entity.TaskOrg;
import gov.planning.plan.entity.TaskRole;
import gov.planning.plan.repository.PlanRepository;
import gov.planning.plan.repository.ProgressReportRepository;
import gov.planning.plan.repository.ReportingReopeningRepository;
import gov.planning.plan.repository.TaskRepository;
import gov.planning.plan.service.AsChecked;
import gov.planning.plan.service.Permissions;
import gov.planning.plan.service.TaskInPlan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Writes on progress reports (进度填报): submitting one for a period, reviewing it, reopening a period. Each write checks
 * the caller (docs/domain.md §4, {@link Permissions}) and the input before it changes anything, the checks that ask
 * org-service before its transaction opens ({@link AsChecked}), and appends its audit entry in the same transaction.
 */
@ApplicationScoped
public class ProgressReportService {

    @Inject
    PlanRepository plans;

    @Inject
    ReportingReopeningRepository reopenings;

    @Inject
    ProgressReportRepository reports;

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

    /**
     * A report for one period of the task's cadence ({@link ReportingPeriod}): refused (BAD_USER_INPUT) when the period
     * is not a code of that cadence or has not begun; refused (CONFLICT) when the organization's report for it is open
     * (SUBMITTED) or approved (the period is locked until reopened); after the due date accepted as {@code late} until
     * the window closes, then refused (FORBIDDEN) unless the approver side reopened the period for the organization.
     */
    public Uni<ProgressReport> submitReport(UUID taskId, UUID orgId, NewReport input) {
        caller.requireAnyRole("submit a progress report", PlatformRole.ADMIN, PlatformRole.PLANNER, PlatformRole.REPORTER);
        validator.check(input);
        String period = Texts.required("period", input.period());
        Texts.required("summary", input.summary());
        return Panache.withSession(() -> TaskInPlan.read(plans, tasks, taskId)).chain(checked -> {
            begunPeriod(checked, period);
            return requireResponsible(taskId, orgId, checked.orgs())
                    .chain(() -> permissions.requireReportFor("report on task " + taskId + " for organization " + orgId, orgId))
                    .chain(() -> writeReport(checked, orgId, input));
        });
    }

    @WithTransaction
    Uni<ProgressReport> writeReport(TaskInPlan checked, UUID orgId, NewReport input) {
        UUID taskId = checked.task().id;
        String period = Texts.required("period", input.period());
        String summary = Texts.required("summary", input.summary());
        return TaskInPlan.read(plans, tasks, taskId).chain(current -> {
            AsChecked.orgs(taskId, checked.orgs(), current.orgs());
            ReportingCycle cycle = ReportingCycle.of(current.plan(), current.task());
            ReportingPeriod asked = begunPeriod(current, period);
            LocalDate today = LocalDate.now(clock);
            return reports.ofPeriodExcept(taskId, orgId, period, ReportStatus.RETURNED)
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
                                : reopenings.isOpen(taskId, orgId, period, today);
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
                            return reports.persist(report)
                                    .call(() -> audit.append(AuditEvent.of(caller.username(), "SUBMIT", null, Snapshots.of(report))));
                        });
                    });
        });
    }

    /** The period a code names in the task's cycle, begun by today; else BAD_USER_INPUT. */
    private ReportingPeriod begunPeriod(TaskInPlan t, String period) {
        ReportingPeriod asked = requirePeriod(ReportingCycle.of(t.plan(), t.task()), period);
        if (LocalDate.now(clock).isBefore(asked.opens())) {
            throw new BadUserInputException("period: " + period + "（" + asked.label() + "）尚未开始，" + asked.opens()
                    + " 起才能填报 (period " + period + " opens on " + asked.opens() + ")");
        }
        return asked;
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
    public Uni<ReportingReopening> reopenPeriod(UUID taskId, UUID orgId, String period, String reason) {
        caller.requireAnyRole("reopen a reporting period", PlatformRole.ADMIN, PlatformRole.PLANNER);
        String why = Texts.required("reason", reason);
        if (why.length() > 2000) {
            throw new BadUserInputException("reason: size must be between 1 and 2000");
        }
        String code = Texts.required("period", period);
        return Panache.withSession(() -> TaskInPlan.read(plans, tasks, taskId)).chain(checked -> {
            reopenablePeriod(checked, code);
            return permissions.requireSteerTask("reopen a reporting period of task " + taskId, checked.leads())
                    .chain(() -> requireResponsible(taskId, orgId, checked.orgs()))
                    .chain(() -> writeReopening(checked, orgId, code, why));
        });
    }

    @WithTransaction
    Uni<ReportingReopening> writeReopening(TaskInPlan checked, UUID orgId, String code, String why) {
        UUID taskId = checked.task().id;
        return TaskInPlan.read(plans, tasks, taskId).chain(current -> {
            AsChecked.orgs(taskId, checked.orgs(), current.orgs());
            reopenablePeriod(current, code);
            LocalDate today = LocalDate.now(clock);
            return reports.ofPeriod(taskId, orgId, code, ReportStatus.APPROVED)
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
                        return reports.flush().onFailure(AsChecked::isStale)
                                .transform(e -> new ConflictException("period: the report of " + code + " was changed meanwhile; read it again"))
                                .chain(() -> unlock)
                                .chain(() -> reopenings.persist(reopening))
                                .call(() -> audit.append(AuditEvent.of(caller.username(), "REOPEN_PERIOD", null, Snapshots.of(reopening))));
                    });
        });
    }

    private void reopenablePeriod(TaskInPlan t, String code) {
        ReportingPeriod asked = requirePeriod(ReportingCycle.of(t.plan(), t.task()), code);
        if (LocalDate.now(clock).isBefore(asked.opens())) {
            throw new BadUserInputException("period: " + code + " has not begun; only a begun period can be reopened");
        }
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
    public Uni<ProgressReport> reviewReport(UUID id, boolean approve, String comment) {
        caller.requireAnyRole("review a progress report", PlatformRole.ADMIN, PlatformRole.PLANNER, PlatformRole.REPORTER);
        String reason = blankToNull(comment);
        if (reason != null && reason.length() > 2000) {
            throw new BadUserInputException("comment: size must be between 0 and 2000");
        }
        if (!approve && reason == null) {
            throw new BadUserInputException("comment: returning a report needs a comment saying what to fix");
        }
        return Panache.withSession(() -> reportWithLeads(id))
                .call(checked -> permissions.requireSteerTask("review progress report " + id, checked.leads()))
                .chain(checked -> writeReview(checked, approve, reason));
    }

    @WithTransaction
    Uni<ProgressReport> writeReview(ReportOfTask checked, boolean approve, String reason) {
        UUID id = checked.report().id;
        return reportWithLeads(id).map(current -> {
            if (!Set.copyOf(current.leads()).equals(Set.copyOf(checked.leads()))) {
                throw new ConflictException("任务 " + current.report().taskId + " 的牵头单位已被他人修改，请刷新后重试 (the lead "
                        + "organizations of the report's task were changed meanwhile; read it again)");
            }
            return current.report();
        }).chain(report -> {
            if (report.status != ReportStatus.SUBMITTED) {
                throw new ConflictException("progress report " + id + " was already " + report.status);
            }
            AuditSnapshot before = Snapshots.of(report);
            report.status = approve ? ReportStatus.APPROVED : ReportStatus.RETURNED;
            report.reviewComment = reason;
            report.reviewedBy = caller.username();
            report.reviewedAt = clock.instant();
            return reports.flush().onFailure(AsChecked::isStale)
                    .transform(e -> new ConflictException("progress report " + id + " was reviewed by someone else meanwhile"))
                    .chain(() -> audit.append(AuditEvent.of(caller.username(), approve ? "APPROVE" : "RETURN", before, Snapshots.of(report))))
                    .replaceWith(report);
        });
    }

    /** A report with its task's lead organizations. */
    record ReportOfTask(ProgressReport report, List<UUID> leads) {
    }


    private Uni<ReportOfTask> reportWithLeads(UUID id) {
        return reports.findById(id).chain(report -> {
            if (report == null) {
                throw new NotFoundException("progress report " + id + " does not exist");
            }
            return tasks.orgsOf(report.taskId).map(orgs -> new ReportOfTask(report,
                    orgs.stream().filter(o -> o.role == TaskRole.LEAD).map(o -> o.orgId).toList()));
        });
    }

    private static String blankToNull(String text) {
        return Texts.clean(text);
    }
}
