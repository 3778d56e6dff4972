package gov.planning.plan.metrics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The business numbers ops watch beside the technical ones (dashboard "Planning: business"):
 * {@code planning_reports_submitted_total} and {@code planning_tasks_overdue}. Created at startup so that both are in
 * the first scrape (at 0 and -1), not only once something happened.
 */
@Startup
@Singleton
public class BusinessMetrics {

    /**
     * Tasks of published plans whose deadline has passed and that are not completed: the tasks the health rule
     * calls RED for OVERDUE (an ongoing task has no deadline). Counted by the database, never loaded.
     */
    static final String OVERDUE_SQL = """
            SELECT count(*) AS overdue FROM task t JOIN plan p ON p.id = t.plan_id
            WHERE p.status = 'PUBLISHED' AND NOT p.importing AND t.status <> 'COMPLETED'
              AND NOT t.deadline_ongoing AND t.deadline_date < $1""";

    private final Counter reportsSubmitted;
    /** -1 until the first count: "not known yet" must not read as "none overdue". */
    private final AtomicLong overdueTasks = new AtomicLong(-1);
    private final Pool pool;
    private final Clock clock;

    @Inject
    public BusinessMetrics(MeterRegistry registry, Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
        reportsSubmitted = Counter.builder("planning.reports.submitted")
                .description("Progress reports submitted (each submitProgressReport that was accepted)")
                .register(registry);
        Gauge.builder("planning.tasks.overdue", overdueTasks, AtomicLong::get)
                .description("Tasks of published plans past their deadline and not completed (-1: not counted yet)")
                .register(registry);
    }

    public void reportSubmitted() {
        reportsSubmitted.increment();
    }

    /** Counts the overdue tasks now; the scheduler calls it every {@code planning.metrics.overdue-every}. */
    public Uni<Long> countOverdueTasks() {
        return pool.preparedQuery(OVERDUE_SQL).execute(Tuple.of(LocalDate.now(clock)))
                .map(rows -> rows.iterator().next().getLong("overdue"))
                .invoke(overdueTasks::set);
    }

    /** On every replica (not as one clustered Quartz job): each pod's gauge must be current, whichever is scraped. */
    @Scheduled(identity = "overdue-tasks-metric", every = "{planning.metrics.overdue-every}", delayed = "10s",
            executeWith = Scheduled.SIMPLE, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return countOverdueTasks().replaceWithVoid();
    }
}
