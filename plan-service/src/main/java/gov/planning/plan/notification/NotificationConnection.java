package gov.planning.plan.notification;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import gov.planning.common.api.Cursor;
import gov.planning.common.api.PageInfo;

/** A page of the signed-in user's notifications, newest first. */
public record NotificationConnection(@NonNull List<@NonNull NotificationEdge> edges, @NonNull PageInfo pageInfo,
        @NonNull Integer totalCount) {

    @Type("NotificationEdge")
    public record NotificationEdge(@NonNull NotificationView node, @NonNull String cursor) {
    }

    static NotificationConnection of(List<NotificationView> page, int offset, long total) {
        return new NotificationConnection(Cursor.edges(page, offset, NotificationEdge::new), PageInfo.of(offset, page.size(), total),
                (int) total);
    }
}
