package gov.planning.plan.metrics;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import gov.planning.plan.service.TaskReads;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * The business numbers ops watch beside the technical ones (dashboard "Planning: business"):
 * {@code planning_reports_submitted_total} and {@code planning_tasks_overdue}. Created at startup so that both are in
 * the first scrape (at 0 and -1), not only once something happened.
 */
@Startup
@Singleton
public class BusinessMetrics {

    private final Counter reportsSubmitted;
    /** -1 until the first count: "not known yet" must not read as "none overdue". */
    private final AtomicLong overdueTasks = new AtomicLong(-1);
    private final TaskReads reads;

    @Inject
    public BusinessMetrics(MeterRegistry registry, TaskReads reads) {
        this.reads = reads;
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

    /**
     * Counts the overdue tasks now, by the health rule of every task list (RED because the deadline passed), in the
     * database; the scheduler calls it every {@code planning.metrics.overdue-every}.
     */
    public Uni<Long> countOverdueTasks() {
        return reads.overdueInPublishedPlans().invoke(overdueTasks::set);
    }

    /** On every replica (not as one clustered Quartz job): each pod's gauge must be current, whichever is scraped. */
    @Scheduled(identity = "overdue-tasks-metric", every = "{planning.metrics.overdue-every}", delayed = "10s",
            executeWith = Scheduled.SIMPLE, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return countOverdueTasks().replaceWithVoid();
    }
}
