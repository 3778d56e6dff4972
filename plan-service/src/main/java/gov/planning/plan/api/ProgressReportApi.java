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
import org.eclipse.microprofile.graphql.Source;

import gov.planning.common.api.Ids;
import gov.planning.plan.service.AssessedTask;
import gov.planning.plan.service.NewReport;
import gov.planning.plan.service.TaskReads;
import gov.planning.plan.service.TaskService;
import io.smallrye.mutiny.Uni;

/** 进度填报 and its review. */
@GraphQLApi
public class ProgressReportApi {

    @Inject
    TaskService service;

    @Inject
    TaskReads reads;

    @Mutation
    @Description("Reports progress on a task for one of its organizations (the caller's own; admin any).")
    public Uni<@NonNull ProgressReportView> submitProgressReport(@NonNull @Id String taskId, @NonNull @Id String orgId,
            @NonNull String period, Integer percent, @NonNull String summary, String problems, String nextSteps) {
        return service.submitReport(Ids.parse("taskId", taskId), Ids.parse("orgId", orgId),
                new NewReport(period, percent, summary, problems, nextSteps)).map(ProgressReportView::of);
    }

    @Mutation
    @Description("Approves or returns (comment required) a submitted report; the task's lead side decides.")
    public Uni<@NonNull ProgressReportView> reviewProgressReport(@NonNull @Id String id, boolean approve, String comment) {
        return service.reviewReport(Ids.parse("id", id), approve, comment).map(ProgressReportView::of);
    }

    public Uni<List<@NonNull TaskView>> task(@Source List<ProgressReportView> reports) {
        List<UUID> taskIds = reports.stream().map(ProgressReportView::taskId).distinct().toList();
        return reads.findByIds(taskIds).map(found -> {
            Map<UUID, AssessedTask> byId = found.stream().collect(Collectors.toMap(a -> a.task().id, Function.identity()));
            return reports.stream().map(r -> TaskView.of(byId.get(r.taskId()))).toList();
        });
    }
}
