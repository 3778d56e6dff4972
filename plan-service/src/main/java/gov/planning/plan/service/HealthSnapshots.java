package gov.planning.plan.service;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.JDBCException;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

/**
 * Today's health snapshot (V10, docs/decisions/0010): every task's health for "today" of the service's clock, counted
 * per plan and lead organization, from which the dashboard and the health lists' counts answer together with the tasks
 * written since ({@code health_change}, kept by triggers). Reads stay exact without it (they derive every task live);
 * it only spares them deriving 10^5 tasks per request.
 */
@ApplicationScoped
public class HealthSnapshots {

    private static final Logger LOG = Logger.getLogger(HealthSnapshots.class);
    /** PostgreSQL's serialization_failure: another build's transaction updated the state row after this one's snapshot. */
    private static final String SERIALIZATION_FAILURE = "40001";

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    Clock clock;

    /** More changed rows than this and the next check rebuilds: each read derives the changed tasks live. */
    @ConfigProperty(name = "planning.health-snapshot.rebuild-after-changes", defaultValue = "1000")
    int rebuildAfterChanges;

    /**
     * On every replica, soon after start and then every {@code planning.health-snapshot.check-every}: the first check
     * after midnight (in the clock's zone, the government's) builds the new day's snapshot; until then reads of the new
     * day derive live. The database decides which replica builds.
     */
    @Scheduled(identity = "health-snapshot", every = "{planning.health-snapshot.check-every}", delayed = "10s",
            executeWith = Scheduled.SIMPLE, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> check() {
        return buildIfDue().replaceWithVoid();
    }

    /**
     * Builds the snapshot of today when there is none of today, or more than {@code rebuildAfterChanges} changes since
     * it; true when this call built it. All in one REPEATABLE READ transaction, so that the snapshot and the changes it
     * clears are of one MVCC snapshot: a write committed after it stays changed. Its first statement updates the one
     * state row, which two overlapping builds cannot both do (the second fails with a serialization failure and builds
     * nothing: false).
     */
    public Uni<Boolean> buildIfDue() {
        LocalDate today = LocalDate.now(clock);
        TaskListSql sql = TaskListSql.forSnapshot(today, clock.getZone());
        return sessions.withTransaction(s -> update(s, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ", Map.of())
                .chain(() -> update(s, "UPDATE health_snapshot_state SET day = CAST(:today AS date), built_at = now()"
                        + " WHERE day IS DISTINCT FROM CAST(:today AS date) OR (SELECT count(*) FROM health_change) > :limit",
                        Map.of("today", today, "limit", rebuildAfterChanges)))
                .chain(claimed -> claimed == 0 ? Uni.createFrom().item(false)
                        : update(s, "DELETE FROM health_snapshot", Map.of())
                                .chain(() -> update(s, "DELETE FROM health_snapshot_lead_count", Map.of()))
                                .chain(() -> update(s, "DELETE FROM health_snapshot_org_count", Map.of()))
                                .chain(() -> update(s, "DELETE FROM health_snapshot_plan_count", Map.of()))
                                .chain(() -> update(s, sql.snapshotInsert(), sql.params()))
                                // Its entries per organization carry the inbox's flags now (V20's trigger, from the arrays above).
                                .chain(() -> update(s, "UPDATE health_snapshot_state SET inbox_flags_day = CAST(:today AS date)",
                                        Map.of("today", today)))
                                .chain(() -> update(s, "INSERT INTO health_snapshot_lead_count (day, plan_id, org_id, health, tasks)"
                                        + " SELECT s.day, s.plan_id, l.org_id, s.health, count(*) FROM health_snapshot s"
                                        + " CROSS JOIN LATERAL unnest(s.leads) AS l (org_id) GROUP BY s.day, s.plan_id, l.org_id, s.health", Map.of()))
                                .chain(() -> update(s, "INSERT INTO health_snapshot_org_count (day, org_id, health, tasks)"
                                        + " SELECT c.day, c.org_id, c.health, sum(c.tasks) FROM health_snapshot_lead_count c"
                                        + " GROUP BY c.day, c.org_id, c.health", Map.of()))
                                .chain(() -> update(s, "INSERT INTO health_snapshot_plan_count (day, plan_id, health, tasks)"
                                        + " SELECT s.day, s.plan_id, s.health, count(*) FROM health_snapshot s GROUP BY s.day, s.plan_id, s.health",
                                        Map.of()))
                                // Only the changes this transaction's snapshot sees: they are in the snapshot above.
                                .chain(() -> update(s, "DELETE FROM health_change", Map.of()))
                                .map(cleared -> true)))
                .invoke(built -> {
                    if (built) {
                        LOG.infof("health snapshot of %s built", today);
                    }
                })
                .onFailure(HealthSnapshots::builtByAnother).recoverWithItem(false);
    }

    private static Uni<Integer> update(Mutiny.Session s, String sql, Map<String, Object> params) {
        var query = s.createNativeQuery(sql);
        params.forEach(query::setParameter);
        return query.executeUpdate();
    }

    private static boolean builtByAnother(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String state = t instanceof JDBCException jdbc ? jdbc.getSQLState()
                    : t instanceof SQLException sql ? sql.getSQLState() : t instanceof PgException pg ? pg.getSqlState() : null;
            if (SERIALIZATION_FAILURE.equals(state)) {
                LOG.debug("health snapshot: another build ran at the same time", failure);
                return true;
            }
        }
        return false;
    }
}
