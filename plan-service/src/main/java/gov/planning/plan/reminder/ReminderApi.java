package gov.planning.plan.reminder;

import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import gov.planning.common.api.Ids;
import gov.planning.plan.api.TaskView;
import gov.planning.plan.reminder.ReminderStore.Recorded;
import io.smallrye.graphql.api.Nullable;
import io.smallrye.mutiny.Uni;

/** 催办: the manual reminders and {@code Task.reminders}. */
@GraphQLApi
public class ReminderApi {

    @Inject
    ManualReminders manual;

    @Inject
    ReminderReads reads;

    @Mutation
    @Description("催办 a task: reminds its organizations (or only orgIds among them) with a message; reaches their "
            + "reporters in the app, by e-mail and on the organization's IM webhook. Admin, or a planner whose "
            + "organization issued the plan or leads the task (or is above either). Answers the reminders recorded.")
    public Uni<@NonNull List<@NonNull ReminderView>> remindTask(@NonNull @Id String taskId, @Nullable List<@NonNull String> orgIds,
            @NonNull String message) {
        return manual.remindTask(Ids.parse("taskId", taskId), orgIds == null ? null : orgIds.stream().map(id -> Ids.parse("orgIds", id)).toList(),
                message).chain(this::views);
    }

    @Mutation
    @Description("催办 a department: reminds the organization on each open task (published plan, not completed or "
            + "suspended) it leads or cooperates on that the caller manages (as remindTask). FORBIDDEN when it has open "
            + "tasks but none the caller manages; an empty list when it has none.")
    public Uni<@NonNull List<@NonNull ReminderView>> remindOrganization(@NonNull @Id String orgId, @NonNull String message) {
        return manual.remindOrganization(Ids.parse("orgId", orgId), message).chain(this::views);
    }

    @Description("Reminders (催办) recorded on the task, newest first (automatic and manual; at most 200).")
    public Uni<List<@NonNull List<@NonNull ReminderView>>> reminders(@Source List<TaskView> tasks) {
        return reads.ofTasks(tasks.stream().map(TaskView::id).toList())
                .map(byTask -> tasks.stream().map(t -> byTask.getOrDefault(t.id(), List.of())).toList());
    }

    private Uni<List<ReminderView>> views(List<Recorded> recorded) {
        return recorded.isEmpty() ? Uni.createFrom().item(List.of()) : reads.byIds(recorded.stream().map(Recorded::id).toList());
    }

}
