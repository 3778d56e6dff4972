package gov.planning.plan.api;

import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.graphql.NonNull;

import gov.planning.common.api.Cursor;
import gov.planning.common.api.PageInfo;
import gov.planning.plan.service.AssessedTask;
import gov.planning.plan.service.TaskPage;
import gov.planning.plan.service.TaskQuery;
import gov.planning.plan.service.TaskSort;

/**
 * A Relay connection over tasks; the cursor is the item's offset in the (filtered, ordered) list and its place in the
 * list's order (a keyset cursor), opaque to clients.
 */
public record TaskConnection(@NonNull List<@NonNull TaskEdge> edges, @NonNull PageInfo pageInfo, @NonNull Integer totalCount) {

    @org.eclipse.microprofile.graphql.Type("TaskEdge")
    public record TaskEdge(@NonNull TaskView node, @NonNull String cursor) {
    }

    /** A page of a list held in memory. */
    static TaskConnection of(List<AssessedTask> all, String after, Integer first) {
        int offset = Cursor.offsetAfter(after);
        int size = Cursor.pageSize(first);
        List<AssessedTask> page = all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + size));
        return new TaskConnection(Cursor.edges(page, offset, (t, cursor) -> new TaskEdge(TaskView.of(t), cursor)),
                PageInfo.of(offset, page.size(), all.size()), all.size());
    }

    /**
     * A page read in SQL from {@code offset}, sorted by {@code sortBy}: each cursor also holds its task's place in that
     * order (TaskQuery.SortKey), so that the next page seeks to it (keyset) rather than counting off the offset.
     */
    static TaskConnection of(TaskPage page, int offset, TaskSort sortBy) {
        List<TaskEdge> edges = Cursor.edges(page.items(), offset, t -> TaskQuery.SortKey.of(t.task(), sortBy).toString(),
                (t, cursor) -> new TaskEdge(TaskView.of(t.task()), cursor));
        return new TaskConnection(edges, pageInfo(edges, TaskEdge::cursor, page, offset), (int) page.total());
    }

    /** PageInfo of a page whose cursors may be keyset cursors: the end cursor is the last edge's (PageInfo.of would make an offset cursor). */
    static <E> PageInfo pageInfo(List<E> edges, Function<E, String> cursor, TaskPage page, int offset) {
        return new PageInfo(page.hasNextPage(offset), edges.isEmpty() ? null : cursor.apply(edges.get(edges.size() - 1)));
    }
}
