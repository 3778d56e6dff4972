package gov.planning.plan.notification;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import gov.planning.common.error.NotFoundException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A user's notifications and e-mail preferences, always by the signed-in username (the token's preferred_username,
 * which is Keycloak's username the reminders were addressed to): nobody reads or marks another's.
 */
@ApplicationScoped
public class Notifications {

    @Inject
    Pool pool;

    public record Page(List<NotificationView> items, long total) {
    }

    public Uni<Page> list(String username, Boolean unread, int offset, int size) {
        String filter = unread == null ? "" : unread ? " AND read_at IS NULL" : " AND read_at IS NOT NULL";
        return pool.preparedQuery("SELECT *, count(*) OVER () AS total FROM notification WHERE username = $1" + filter
                + " ORDER BY created_at DESC, id OFFSET $2 LIMIT $3").execute(Tuple.of(username, offset, size))
                .chain(rows -> {
                    List<NotificationView> items = new ArrayList<>();
                    long total = -1;
                    for (Row r : rows) {
                        items.add(view(r));
                        total = r.getLong("total");
                    }
                    // An empty page (size 0 or past the end) still needs the count.
                    return total >= 0 ? Uni.createFrom().item(new Page(items, total))
                            : pool.preparedQuery("SELECT count(*) FROM notification WHERE username = $1" + filter)
                                    .execute(Tuple.of(username)).map(count -> new Page(items, count.iterator().next().getLong(0)));
                });
    }

    public Uni<Integer> unreadCount(String username) {
        return pool.preparedQuery("SELECT count(*) FROM notification WHERE username = $1 AND read_at IS NULL")
                .execute(Tuple.of(username)).map(rows -> rows.iterator().next().getLong(0).intValue());
    }

    /** Marks one of the user's notifications read (again: it stays read at the first time); NOT_FOUND if not theirs. */
    public Uni<NotificationView> markRead(String username, UUID id) {
        return pool.preparedQuery("UPDATE notification SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND username = $2 RETURNING *")
                .execute(Tuple.of(id, username)).map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw new NotFoundException("id: no notification " + id + " of " + username);
                    }
                    return view(rows.iterator().next());
                });
    }

    /** Marks all of the user's unread notifications read; answers how many. */
    public Uni<Integer> markAllRead(String username) {
        return pool.preparedQuery("UPDATE notification SET read_at = now() WHERE username = $1 AND read_at IS NULL")
                .execute(Tuple.of(username)).map(rows -> rows.rowCount());
    }

    public Uni<List<NotificationPreferenceView>> preferences(String username) {
        return pool.preparedQuery("SELECT category FROM notification_preference WHERE username = $1 AND email_muted")
                .execute(Tuple.of(username)).map(rows -> {
                    Set<String> muted = new HashSet<>();
                    rows.forEach(r -> muted.add(r.getString("category")));
                    return Arrays.stream(NotificationCategory.values())
                            .map(c -> new NotificationPreferenceView(c, muted.contains(c.name()))).toList();
                });
    }

    public Uni<NotificationPreferenceView> setEmailMuted(String username, NotificationCategory category, boolean muted) {
        return pool.preparedQuery("""
                INSERT INTO notification_preference (username, category, email_muted) VALUES ($1, $2, $3)
                ON CONFLICT (username, category) DO UPDATE SET email_muted = EXCLUDED.email_muted""")
                .execute(Tuple.of(username, category.name(), muted)).replaceWith(new NotificationPreferenceView(category, muted));
    }

    static NotificationView view(Row r) {
        var readAt = r.getOffsetDateTime("read_at");
        return new NotificationView(r.getUUID("id"), NotificationCategory.valueOf(r.getString("category")), r.getString("title"),
                r.getString("body"), r.getUUID("task_id"), r.getUUID("reminder_id"),
                r.getOffsetDateTime("created_at").withOffsetSameInstant(ZoneOffset.UTC), readAt != null,
                readAt == null ? null : readAt.withOffsetSameInstant(ZoneOffset.UTC), r.getString("email_status"));
    }
}
