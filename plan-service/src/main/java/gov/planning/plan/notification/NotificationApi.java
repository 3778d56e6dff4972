package gov.planning.plan.notification;

import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import gov.planning.common.api.Cursor;
import gov.planning.common.api.Ids;
import gov.planning.common.security.Caller;
import io.smallrye.mutiny.Uni;

/** The signed-in user's notifications (the bell) and e-mail preferences. */
@GraphQLApi
public class NotificationApi {

    @Inject
    Notifications notifications;

    @Inject
    Caller caller;

    @Query
    @Description("The signed-in user's notifications, newest first; unread: true only unread, false only read.")
    public Uni<@NonNull NotificationConnection> notifications(Boolean unread, Integer first, String after) {
        int offset = Cursor.offsetAfter(after);
        int size = Cursor.pageSize(first);
        return notifications.list(caller.username(), unread, offset, size)
                .map(page -> NotificationConnection.of(page.items(), offset, page.total()));
    }

    @Query
    @Description("How many of the signed-in user's notifications are unread (the badge).")
    public Uni<@NonNull Integer> unreadNotificationCount() {
        return notifications.unreadCount(caller.username());
    }

    @Mutation
    @Description("Marks one of the signed-in user's notifications read (NOT_FOUND if it is not theirs).")
    public Uni<@NonNull NotificationView> markNotificationRead(@NonNull @Id String id) {
        return notifications.markRead(caller.username(), Ids.parse("id", id));
    }

    @Mutation
    @Description("Marks all the signed-in user's notifications read; answers how many were unread.")
    public Uni<@NonNull Integer> markAllNotificationsRead() {
        return notifications.markAllRead(caller.username());
    }

    @Query
    @Description("The signed-in user's e-mail setting per notification category.")
    public Uni<@NonNull List<@NonNull NotificationPreferenceView>> notificationPreferences() {
        return notifications.preferences(caller.username());
    }

    @Mutation("setNotificationEmailMuted")
    @Description("Mutes (or unmutes) e-mail of a category for the signed-in user; in-app notifications still arrive.")
    public Uni<@NonNull NotificationPreferenceView> setNotificationEmailMuted(@NonNull NotificationCategory category, boolean muted) {
        return notifications.setEmailMuted(caller.username(), category, muted);
    }
}
