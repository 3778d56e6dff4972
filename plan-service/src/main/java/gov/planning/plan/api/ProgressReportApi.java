package gov.planning.plan.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import gov.planning.common.api.Cursor;
import gov.planning.common.api.Ids;
import gov.planning.common.audit.HistoryEntry;
import gov.planning.plan.audit.AuditReads;
import gov.planning.plan.metrics.BusinessMetrics;
import gov.planning.plan.service.Permissions;
import gov.planning.plan.service.AssessedTask;
import gov.planning.plan.report.NewReport;
import gov.planning.plan.report.ProgressReportService;
import gov.planning.plan.service.TaskReads;
import gov.planning.plan.entity.Task;
import io.smallrye.graphql.api.Context;
import io.smallrye.mutiny.Uni;

/** 进度填报 and its review. */
@GraphQLApi
public class ProgressReportApi {

    @Inject
    ProgressReportService service;

    @Inject
    TaskReads reads;

    @Inject
    Permissions permissions;

    @Inject
    AuditReads audit;

    @Inject
    BusinessMetrics businessMetrics;

    @Inject
    Context context;

    @Mutation
    @Description("Reports progress on a task for one of its organizations (the caller's own; admin any) for one period "
            + "of the task's cadence (2026-03, 2026Q1, 2026H1, 2026). Accepted from the period's first day; after the due "
            + "date marked late; after the window closed (due + grace days) FORBIDDEN unless reopened; a period with an "
            + "approved report is locked (CONFLICT) until reopenReportingPeriod.")
    public Uni<@NonNull ProgressReportView> submitProgressReport(@NonNull @Id String taskId, @NonNull @Id String orgId,
            @NonNull String period, Integer percent, @NonNull String summary, String problems, String nextSteps) {
        return service.submitReport(Ids.parse("taskId", taskId), Ids.parse("orgId", orgId),
                new NewReport(period, percent, summary, problems, nextSteps)).invoke(businessMetrics::reportSubmitted)
                .map(ProgressReportView::of);
    }

    @Mutation
    @Description("Reopens a period for one organization of the task (admin, or a planner whose organization leads the "
            + "task or is above a lead; not a reporter): its approved report becomes RETURNED with the reason as comment, "
            + "and the period accepts a report again for 14 days even after its window closed. Audited on the task.")
    public Uni<@NonNull ReportingReopeningView> reopenReportingPeriod(@NonNull @Id String taskId, @NonNull @Id String orgId,
            @NonNull String period, @NonNull String reason) {
        return service.reopenPeriod(Ids.parse("taskId", taskId), Ids.parse("orgId", orgId), period, reason)
                .map(ReportingReopeningView::of);
    }

    @Mutation
    @Description("Approves or returns (comment required) a submitted report; the task's lead side decides.")
    public Uni<@NonNull ProgressReportView> reviewProgressReport(@NonNull @Id String id, boolean approve, String comment) {
        return service.reviewReport(Ids.parse("id", id), approve, comment).map(ProgressReportView::of);
    }

    @Query
    @Description("审核, the approval queue: SUBMITTED reports on the tasks the caller may steer (admin: all; planner: "
            + "tasks their organization or one below it leads; reporter: tasks their organization leads), oldest first. "
            + "`approvalQueue(first: 0) { totalCount }` is the badge count.")
    public Uni<@NonNull ProgressReportConnection> approvalQueue(Integer first, String after) {
        int offset = Cursor.offsetAfter(after);
        int size = Cursor.pageSize(first);
        return permissions.steerableOrgs().chain(leads -> reads.approvalQueue(leads, offset, size))
                .map(page -> ProgressReportConnection.of(page, offset));
    }

    @Description("Every audited change of the report, newest first: SUBMIT, APPROVE, RETURN, who and when.")
    public Uni<List<@NonNull List<@NonNull HistoryEntry>>> history(@Source List<ProgressReportView> reports) {
        return audit.history("ProgressReport", reports.stream().map(ProgressReportView::id).distinct().toList())
                .map(byReport -> reports.stream().map(r -> byReport.getOrDefault(r.id(), List.of())).toList());
    }

    public Uni<List<@NonNull TaskView>> task(@Source List<ProgressReportView> reports) {
        List<UUID> taskIds = reports.stream().map(ProgressReportView::taskId).distinct().toList();
        // A queue's rows show the task's number and title: its health (its plan, milestones and reports) is read only
        // when selected, which saves three statements a page.
        if (Selections.onlyAmong(context, TaskView.OWN_FIELDS)) {
            return reads.findUnassessedByIds(taskIds).map(found -> {
                Map<UUID, Task> byId = found.stream().collect(Collectors.toMap(t -> t.id, Function.identity()));
                return reports.stream().map(r -> TaskView.unassessed(byId.get(r.taskId()))).toList();
            });
        }
        return reads.findByIds(taskIds).map(found -> {
            Map<UUID, AssessedTask> byId = found.stream().collect(Collectors.toMap(a -> a.task().id, Function.identity()));
            return reports.stream().map(r -> TaskView.of(byId.get(r.taskId()))).toList();
        });
    }
}
