package gov.planning.plan.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import gov.planning.common.api.Cursor;
import gov.planning.common.api.PageInfo;
import gov.planning.plan.service.TaskPage;
import gov.planning.plan.service.TaskQuery;
import gov.planning.plan.service.TaskSort;

/** The reporter's inbox (我的任务): tasks with what the caller's organizations still have to do on each. */
public record MyTaskConnection(@NonNull List<@NonNull MyTaskEdge> edges, @NonNull PageInfo pageInfo, @NonNull Integer totalCount) {

    @Type("MyTaskEdge")
    @Description("A task of the inbox. reportDue: the caller's organizations have no open (submitted or approved) report "
            + "for the current period of the task's cadence, the task is not completed and its reporting still runs (not "
            + "past its deadline or its plan's period); returned: their latest report was returned; missedPeriods: periods "
            + "from the task's start to its deadline or its plan's last year, whichever is first, whose window closed (and "
            + "is not reopened) without an open report of theirs.")
    public record MyTaskEdge(@NonNull TaskView node, @NonNull String cursor, @NonNull Boolean reportDue, @NonNull Boolean returned,
            @NonNull Integer missedPeriods) {
    }

    /** Keyset cursors in every order (the inbox's default: by health), as TaskConnection. */
    static MyTaskConnection of(TaskPage page, int offset, TaskSort sortBy, Map<UUID, Integer> missed) {
        List<MyTaskEdge> edges = Cursor.edges(page.items(), offset,
                t -> TaskQuery.SortKey.of(t.task(), sortBy).toString(),
                (t, cursor) -> new MyTaskEdge(TaskView.of(t.task()), cursor, t.reportDue(), t.returned(),
                        missed.getOrDefault(t.task().task().id, 0)));
        return new MyTaskConnection(edges, TaskConnection.pageInfo(edges, MyTaskEdge::cursor, page, offset),
                (int) page.total());
    }
}
