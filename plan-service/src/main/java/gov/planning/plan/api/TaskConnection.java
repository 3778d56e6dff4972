package gov.planning.plan.api;

import gov.planning.common.api.PageInfo;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

import gov.planning.common.api.Cursor;
import gov.planning.plan.service.AssessedTask;

/** A Relay connection over tasks; the cursor is the item's offset in the (filtered, ordered) list, opaque to clients. */
public record TaskConnection(@NonNull List<@NonNull TaskEdge> edges, @NonNull PageInfo pageInfo, @NonNull Integer totalCount) {

    @org.eclipse.microprofile.graphql.Type("TaskEdge")
    public record TaskEdge(@NonNull TaskView node, @NonNull String cursor) {
    }

    static TaskConnection of(List<AssessedTask> all, String after, Integer first) {
        int offset = Cursor.offsetAfter(after);
        int size = Cursor.pageSize(first);
        List<TaskEdge> edges = new ArrayList<>();
        for (int i = offset; i < Math.min(all.size(), offset + size); i++) {
            edges.add(new TaskEdge(TaskView.of(all.get(i)), Cursor.encode(i)));
        }
        String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new TaskConnection(edges, new PageInfo(offset + size < all.size(), end), all.size());
    }
}
