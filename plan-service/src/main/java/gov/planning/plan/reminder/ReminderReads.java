package gov.planning.plan.reminder;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import gov.planning.orgref.OrganizationRef;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The reminders of tasks, newest first: one query for all tasks of a request. */
@ApplicationScoped
public class ReminderReads {

    /** Per task; older ones stay in the table (and the audit log) but a task page shows the latest. */
    static final int PER_TASK = 200;

    @Inject
    Pool pool;

    public Uni<Map<UUID, List<ReminderView>>> ofTasks(Collection<UUID> taskIds) {
        if (taskIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("""
                SELECT * FROM (SELECT r.*, row_number() OVER (PARTITION BY task_id ORDER BY sent_at DESC, id) AS n
                               FROM reminder r WHERE task_id = ANY($1)) x
                WHERE n <= $2 ORDER BY sent_at DESC, id""")
                .execute(Tuple.of(taskIds.toArray(UUID[]::new), PER_TASK)).map(rows -> {
                    Map<UUID, List<ReminderView>> byTask = new HashMap<>();
                    for (Row r : rows) {
                        byTask.computeIfAbsent(r.getUUID("task_id"), t -> new ArrayList<>()).add(view(r));
                    }
                    return byTask;
                });
    }

    public Uni<List<ReminderView>> byIds(List<UUID> ids) {
        return pool.preparedQuery("SELECT * FROM reminder WHERE id = ANY($1) ORDER BY sent_at DESC, id")
                .execute(Tuple.of(ids.toArray(UUID[]::new))).map(rows -> {
                    List<ReminderView> found = new ArrayList<>();
                    rows.forEach(r -> found.add(view(r)));
                    return found;
                });
    }

    static ReminderView view(Row r) {
        ReminderAbout about = ReminderAbout.valueOf(r.getString("about"));
        String[] recipients = r.getArrayOfStrings("recipients");
        return new ReminderView(r.getUUID("id"), ReminderRule.valueOf(r.getString("rule")), about,
                about == ReminderAbout.REPORT ? r.getString("about_key") : null, r.getLocalDate("due"), r.getString("sent_by"),
                r.getOffsetDateTime("sent_at").withOffsetSameInstant(ZoneOffset.UTC), r.getString("message"), r.getString("title"),
                r.getString("body"), OrganizationRef.of(r.getUUID("org_id")),
                recipients == null ? List.of() : Arrays.asList(recipients), r.getUUID("task_id"));
    }
}
